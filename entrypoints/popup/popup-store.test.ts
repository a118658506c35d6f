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
