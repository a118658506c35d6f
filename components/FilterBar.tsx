import { memo } from 'react';
import type { SearchFilters } from '@/lib/search/filters';

type Toggle = 'hasCode' | 'hasNote' | 'starred' | 'readLater';

const TOGGLES: { key: Toggle; label: string }[] = [
  { key: 'hasCode', label: 'Has code' },
  { key: 'hasNote', label: 'Has note' },
  { key: 'starred', label: 'Starred' },
  { key: 'readLater', label: 'Read later' },
];

export interface FilterBarProps {
  filters: SearchFilters;
  topics: readonly string[];
  onChange: <K extends keyof SearchFilters>(key: K, value: SearchFilters[K]) => void;
}

/**
 * Filter chips (toggle buttons) and a topic menu. Memoized: a keystroke in the search field
 * re-renders the popup's search screen, and the filters, the topic list (one option per topic)
 * and the change handler are the same objects then.
 */
export const FilterBar = memo(function FilterBar({ filters, topics, onChange }: FilterBarProps) {
  return (
    <div className="pl-filters" role="group" aria-label="Filters">
      {TOGGLES.map(({ key, label }) => (
        <button
          key={key}
          type="button"
          className="pl-chip"
          aria-pressed={filters[key]}
          onClick={() => onChange(key, !filters[key])}
        >
          {label}
        </button>
      ))}
      <select
        className="pl-chip pl-chip--select"
        aria-label="Topic"
        value={filters.topic ?? ''}
        onChange={(e) => onChange('topic', e.target.value || null)}
      >
        <option value="">Any topic</option>
        {topics.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
});
