import { describe, expect, it, vi } from 'vitest';
import type { MatchCandidate } from '../match/title-index';
import { BLANK_STATE, type StatedMatch } from '../notes/paper-state';
import { CardRelay, acceptHostPort, openCardPort, serveHost } from './card';

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

describe('batches relayed through the card frame', () => {
  /** A host relay and a card serving it, over a real MessageChannel. */
  function relayPair(matchPage: (candidates: MatchCandidate[]) => Promise<StatedMatch[]>) {
    const channel = new MessageChannel();
    const relay = new CardRelay(channel.port1);
    channel.port1.onmessage = (event: MessageEvent) => relay.settle(event.data);
    serveHost(channel.port2, matchPage);
    return { relay, close: () => channel.port2.close() };
  }

  it("answers each batch with the background's answer to that batch, whatever order they come back in", async () => {
    const { relay, close } = relayPair(async (candidates) => {
      // The second batch is answered first.
      if (candidates[0]!.text === 'first') await new Promise((r) => setTimeout(r, 20));
      return [{ candidate: 0, id: `paper-${candidates[0]!.text}`, start: 0, end: 5, state: BLANK_STATE }];
    });
    const [first, second] = await Promise.all([
      relay.matchPage([{ kind: 'title', text: 'first' }]),
      relay.matchPage([{ kind: 'title', text: 'second', arxivId: '2301.09637' }]),
    ]);
    expect(first.map((m) => m.id)).toEqual(['paper-first']);
    expect(second.map((m) => m.id)).toEqual(['paper-second']);
    relay.close('done');
    close();
  });

  it("carries a refusal back as an error in words, and fails what is owed when the port goes", async () => {
    const { relay, close } = relayPair(() => Promise.reject(new Error('candidates[0].text must be a string')));
    await expect(relay.matchPage([{ kind: 'title', text: 'x' }])).rejects.toThrow('candidates[0].text must be a string');
    close();
    const owed = relay.matchPage([{ kind: 'title', text: 'never answered' }]);
    relay.close('the card frame loaded again before answering');
    await expect(owed).rejects.toThrow('the card frame loaded again before answering');
  });

  it('leaves the card messages that are no answers to the host', () => {
    const relay = new CardRelay(new MessageChannel().port1);
    expect(relay.settle({ type: 'size', height: 200 })).toBe(false);
    expect(relay.settle({ type: 'close' })).toBe(false);
    expect(relay.settle({ type: 'matched', id: 99, matches: [] })).toBe(true);
    relay.close('done');
  });
});
