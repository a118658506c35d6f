/**
 * Runs `then` once the next frame is painted: a requestAnimationFrame callback runs just before
 * the frame's style, layout and paint, and a message posted from it is delivered as a task
 * after them (a MessageChannel message, not setTimeout, which browsers may clamp to 4 ms or
 * more). What a keystroke does not need for its results to show (rows below the visible ones,
 * reading papers not yet seen) goes here, so it never holds up that paint. Returns a cancel.
 */
export function afterPaint(then: () => void): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!cancelled) then();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}
