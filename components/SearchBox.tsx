import type { KeyboardEvent } from 'react';

export interface SearchBoxProps {
  query: string;
  onQuery: (query: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  /** Id of the listbox the field controls. */
  listId: string;
  expanded: boolean;
  /** Id of the highlighted option, if any. */
  activeId: string | undefined;
}

/** The search field, a WAI-ARIA combobox whose popup is the result listbox. */
export function SearchBox({ query, onQuery, onKeyDown, listId, expanded, activeId }: SearchBoxProps) {
  return (
    <input
      type="search"
      className="pl-search"
      role="combobox"
      aria-label="Search papers and your notes"
      aria-autocomplete="list"
      aria-expanded={expanded}
      aria-controls={listId}
      aria-activedescendant={activeId}
      placeholder="Search titles, abstracts, notes, tags…"
      autoComplete="off"
      spellCheck={false}
      autoFocus
      value={query}
      onChange={(e) => onQuery(e.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
