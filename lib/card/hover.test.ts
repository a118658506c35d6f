import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOVER_DELAYS, HoverCard, type HoverCardView } from './hover';

/** A card that records what it showed, with the pointer or keyboard in it when `pointerInCard` says so. */
function fakeCard() {
  const state = { shown: [] as string[], open: null as string | null, pointerInCard: false };
  const view: HoverCardView<string> = {
    show: (mark) => {
      state.shown.push(mark);
      state.open = mark;
    },
    hide: () => {
      state.open = null;
    },
    get isOpen() {
      return state.open !== null;
    },
    inUse: () => state.pointerInCard,
  };
  return Object.assign(state, { view });
}

describe('the hover card', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens only after the pointer rests on a mark, so sweeping over a list opens nothing', () => {
    const card = fakeCard();
    const hover = new HoverCard(card.view);
    hover.pointAt('a');
    vi.advanceTimersByTime(HOVER_DELAYS.openMs - 1);
    hover.pointAt('b');
    vi.advanceTimersByTime(HOVER_DELAYS.openMs - 1);
    expect(card.shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(card.shown).toEqual(['b']);
  });

  it('closes after a grace period once the pointer leaves, unless it reached the card', () => {
    const card = fakeCard();
    const hover = new HoverCard(card.view);
    hover.open('a');
    hover.leave();
    vi.advanceTimersByTime(HOVER_DELAYS.closeMs - 1);
    hover.enterCard();
    vi.advanceTimersByTime(HOVER_DELAYS.closeMs);
    expect(card.open).toBe('a');
    hover.leave();
    vi.advanceTimersByTime(HOVER_DELAYS.closeMs);
    expect(card.open).toBeNull();
  });

  it('stays open while the pointer or the keyboard is in the card', () => {
    const card = fakeCard();
    const hover = new HoverCard(card.view);
    hover.open('a');
    card.pointerInCard = true;
    hover.leave();
    vi.advanceTimersByTime(HOVER_DELAYS.closeMs);
    expect(card.open).toBe('a');
  });

  it('leaving a mark before the card opened cancels the opening', () => {
    const card = fakeCard();
    const hover = new HoverCard(card.view);
    hover.pointAt('a');
    hover.leave();
    vi.advanceTimersByTime(HOVER_DELAYS.openMs + HOVER_DELAYS.closeMs);
    expect(card.shown).toEqual([]);
  });

  it('opens at once from the keyboard and cancels a pending close', () => {
    const card = fakeCard();
    const hover = new HoverCard(card.view);
    hover.open('a');
    hover.leave();
    hover.open('b');
    vi.advanceTimersByTime(HOVER_DELAYS.closeMs);
    expect(card.open).toBe('b');
  });

  it('Escape closes an open card at once and cancels what was pending', () => {
    const card = fakeCard();
    const hover = new HoverCard(card.view);
    hover.escape();
    expect(card.open).toBeNull();
    hover.open('a');
    hover.pointAt('b');
    hover.escape();
    vi.advanceTimersByTime(HOVER_DELAYS.openMs);
    expect(card.open).toBeNull();
    expect(card.shown).toEqual(['a']);
  });

  it('schedules with the timers it is given', () => {
    const card = fakeCard();
    const pending: (() => void)[] = [];
    const timers = { setTimeout: (run: () => void) => pending.push(run), clearTimeout: () => undefined };
    new HoverCard(card.view, timers).pointAt('a');
    expect(card.shown).toEqual([]);
    pending.forEach((run) => run());
    expect(card.shown).toEqual(['a']);
  });
});
