import { describe, expect, it, vi } from 'vitest';
import { acceptHostPort, openCardPort } from './card';

/** A window message as the browser delivers it: who sent it, what, and the ports it carries. */
function message(data: unknown, source: unknown, ports: MessagePort[] = []): Event {
  return Object.assign(new Event('message'), { data, source, ports });
}

/** The card frame's window: framed by `parent`, posting to it delivers a message from `parent`. */
function cardWindow(parent: object) {
  const win = Object.assign(new EventTarget(), { parent }) as unknown as Window;
  const origins: string[] = [];
  win.postMessage = ((data: unknown, origin: string, transfer: MessagePort[]) => {
    origins.push(origin);
    win.dispatchEvent(message(data, parent, transfer));
  }) as Window['postMessage'];
  return { win, origins };
}

describe('the card ↔ host channel', () => {
  it('hands the card one port, addressed to the card origin, and carries the card messages to the host', async () => {
    const parent = {};
    const { win, origins } = cardWindow(parent);
    const ports: MessagePort[] = [];
    acceptHostPort(win, (port) => ports.push(port));
    const received = vi.fn();
    const ours = openCardPort(win, 'chrome-extension://abc', received);
    expect(origins).toEqual(['chrome-extension://abc']);
    expect(ports).toHaveLength(1);
    ports[0]!.postMessage({ type: 'size', height: 200 });
    await vi.waitFor(() => expect(received).toHaveBeenCalledWith({ type: 'size', height: 200 }));
    ours.close();
    ports[0]!.close();
  });

  it('ignores ports from any window but the parent, and any port after the first', () => {
    const parent = {};
    const { win } = cardWindow(parent);
    const onPort = vi.fn();
    acceptHostPort(win, onPort);
    const stranger = new MessageChannel();
    win.dispatchEvent(message({ type: 'paperlens:card-port' }, {}, [stranger.port2]));
    win.dispatchEvent(message({ type: 'something else' }, parent, [stranger.port2]));
    win.dispatchEvent(message({ type: 'paperlens:card-port' }, parent, []));
    expect(onPort).not.toHaveBeenCalled();
    const first = new MessageChannel();
    win.dispatchEvent(message({ type: 'paperlens:card-port' }, parent, [first.port2]));
    win.dispatchEvent(message({ type: 'paperlens:card-port' }, parent, [stranger.port2]));
    expect(onPort.mock.calls).toEqual([[first.port2]]);
    for (const c of [stranger, first]) c.port1.close();
  });
});
