import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { NoteEditor } from '@/components/NoteEditor';
import { getDb } from '@/lib/db/schema';
import { loadLibrary } from '@/lib/db/library';
import type { LibraryEntry, NoteStore } from '@/lib/notes/model';
import { paperLink } from '@/lib/notes/markdown-export';

export interface LibrarySectionProps {
  notes: NoteStore;
}

function Entry({ entry, open, onToggle, notes }: { entry: LibraryEntry; open: boolean; onToggle: () => void } & LibrarySectionProps) {
  const link = entry.paper && paperLink(entry.paper);
  return (
    <li className="entry" data-testid="library-entry" data-paper-id={entry.paperId} data-orphan={entry.orphan || undefined}>
      <div className="entry__head">
        <button type="button" className="entry__title" aria-expanded={open} onClick={onToggle}>
          {entry.title}
        </button>
        {entry.orphan && (
          <span className="badge badge--orphan" title="The catalog no longer has this paper; your note is kept.">
            orphan · no longer in the catalog
          </span>
        )}
        {entry.paper?.source === 'user' && <span className="badge">saved by you</span>}
        {entry.note?.starred && <span aria-label="starred">★</span>}
        {link && (
          <a href={link} target="_blank" rel="noreferrer">
            open
          </a>
        )}
      </div>
      {entry.paper?.tldr && <p className="muted">{entry.paper.tldr}</p>}
      {open && <NoteEditor paperId={entry.paperId} notes={notes} autoFocus />}
    </li>
  );
}

/** Every noted or saved paper, orphans marked; each opens the shared note editor. */
export function LibrarySection({ notes }: LibrarySectionProps) {
  const db = getDb();
  const entries = useLiveQuery(() => loadLibrary(db), [db]);
  const [open, setOpen] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = entries?.filter(
    (e) => !needle || e.title.toLowerCase().includes(needle) || e.note?.tags.some((t) => t.toLowerCase().includes(needle)),
  );

  return (
    <section aria-labelledby="library-heading">
      <h2 id="library-heading">Your library</h2>
      {entries === undefined ? (
        <p>Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">No notes or saved papers yet. Save a paper from its arXiv page, or write a note on one.</p>
      ) : (
        <>
          <input type="search" aria-label="Filter your library" placeholder="Filter by title or tag" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <ul className="library">
            {shown?.map((entry) => (
              <Entry
                key={entry.paperId}
                entry={entry}
                open={open === entry.paperId}
                onToggle={() => setOpen(open === entry.paperId ? null : entry.paperId)}
                notes={notes}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
