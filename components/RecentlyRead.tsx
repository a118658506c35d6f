import type { HistoryEntry } from '@/lib/library';

export interface RecentlyReadProps {
  entries: readonly HistoryEntry[];
  /** Opens an entry: the paper's view when PaperLens knows the paper, else its page. */
  onOpen: (entry: HistoryEntry) => void;
  /** The time the list is shown at, for "3 hours ago". */
  now: number;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', 86_400_000],
  ['week', 604_800_000],
];

/** "5 minutes ago", "yesterday", "3 weeks ago"; a date beyond two months. */
export function visitedWhen(at: number, now: number): string {
  const ago = now - at;
  if (ago < 60_000) return 'just now';
  if (ago > 60 * 86_400_000) return new Date(at).toLocaleDateString();
  let unit: [Intl.RelativeTimeFormatUnit, number] = STEPS[0]!;
  for (const step of STEPS) if (ago >= step[1]) unit = step;
  return relative.format(-Math.floor(ago / unit[1]), unit[0]);
}

/** The papers the user opened, latest first, each with when. */
export function RecentlyRead({ entries, onOpen, now }: RecentlyReadProps) {
  return (
    <ul className="pl-recent" aria-label="Recently read">
      {entries.map((entry) => (
        <li key={entry.id} data-testid="recent-entry" data-paper-id={entry.paperId ?? undefined}>
          <button type="button" className="pl-recent__title" onClick={() => onOpen(entry)}>
            {entry.title}
          </button>
          <span className="pl-recent__when">
            {visitedWhen(entry.visitedAt, now)}
            {entry.visits > 1 ? ` · ${entry.visits} visits` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
