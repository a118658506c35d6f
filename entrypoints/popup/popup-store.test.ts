import { beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '@/lib/search/filters';
import { usePopupStore } from './popup-store';

describe('popup store', () => {
  beforeEach(() => usePopupStore.setState({ query: '', filters: NO_FILTERS, active: -1, openPaperId: null }));

  it('moves the highlight down from none, wraps, and up from none to the last', () => {
    const { move } = usePopupStore.getState();
    move(1, 3);
    expect(usePopupStore.getState().active).toBe(0);
    move(1, 3);
    move(1, 3);
    move(1, 3);
    expect(usePopupStore.getState().active).toBe(0);
    usePopupStore.setState({ active: -1 });
    move(-1, 3);
    expect(usePopupStore.getState().active).toBe(2);
    move(1, 0);
    expect(usePopupStore.getState().active).toBe(-1);
  });

  it('resets the highlight when the query or a filter changes', () => {
    usePopupStore.setState({ active: 2 });
    usePopupStore.getState().setQuery('mamba');
    expect(usePopupStore.getState()).toMatchObject({ query: 'mamba', active: -1 });
    usePopupStore.setState({ active: 1 });
    usePopupStore.getState().setFilter('starred', true);
    expect(usePopupStore.getState()).toMatchObject({ filters: { ...NO_FILTERS, starred: true }, active: -1 });
  });

  it('opens and closes a paper without touching the query', () => {
    usePopupStore.getState().setQuery('vision');
    usePopupStore.getState().openPaper('p-1');
    expect(usePopupStore.getState()).toMatchObject({ openPaperId: 'p-1', query: 'vision' });
    usePopupStore.getState().closePaper();
    expect(usePopupStore.getState().openPaperId).toBeNull();
  });
});

describe('a key in the search field', () => {
  beforeEach(() => usePopupStore.setState({ query: '', filters: NO_FILTERS, active: -1, openPaperId: null, openWhenAnswered: null }));
  const key = (k: string, listed: string[], answered = true) => usePopupStore.getState().searchKey(k, listed, answered);

  it('Enter opens the highlighted paper, or the first', () => {
    expect(key('ArrowDown', ['a', 'b'])).toBe(true);
    expect(key('ArrowDown', ['a', 'b'])).toBe(true);
    expect(key('Enter', ['a', 'b'])).toBe(true);
    expect(usePopupStore.getState().openPaperId).toBe('b');
    usePopupStore.setState({ active: -1, openPaperId: null });
    key('Enter', ['a', 'b']);
    expect(usePopupStore.getState().openPaperId).toBe('a');
  });

  it('Enter before the query is answered waits for that query, opening nothing yet', () => {
    usePopupStore.getState().setQuery('itransfomer');
    expect(key('Enter', ['stale'], false)).toBe(true);
    expect(usePopupStore.getState()).toMatchObject({ openWhenAnswered: 'itransfomer', openPaperId: null });
  });

  it('Escape clears the query, then the filters, then asks to close; other keys are left alone', () => {
    usePopupStore.setState({ query: 'mamba', filters: { ...NO_FILTERS, starred: true } });
    expect(key('Escape', [])).toBe(true);
    expect(usePopupStore.getState()).toMatchObject({ query: '', filters: { starred: true } });
    expect(key('Escape', [])).toBe(true);
    expect(usePopupStore.getState().filters).toEqual(NO_FILTERS);
    expect(key('Escape', [])).toBe('close');
    expect(key('a', ['a'])).toBe(false);
  });
});
