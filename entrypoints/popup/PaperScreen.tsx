import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { PaperView } from '@/components/PaperView';
import { getPaper } from '@/lib/db/papers';
import { getDb } from '@/lib/db/schema';
import { pageNotes } from '@/lib/messaging/page-notes';
import { usePopupStore } from './popup-store';

/** The note editor's store: Dexie live, saves journaled and sent through the background. */
const notes = pageNotes(getDb(), localStorage);

/** One paper, opened from the results or by a deep link; Escape goes back to the results. */
export function PaperScreen({ id }: { id: string }) {
  const db = getDb();
  const closePaper = usePopupStore((s) => s.closePaper);
  const found = useLiveQuery(async () => ({ paper: await getPaper(db, id) }), [db, id]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        closePaper();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closePaper]);

  if (!found) return <p className="pl-status">Loading…</p>;
  if (!found.paper) {
    return (
      <section>
        <p role="alert" className="error">
          This paper is not in your library (id “{id}”).
        </p>
        <button type="button" className="pl-back" onClick={closePaper}>
          ← Results
        </button>
      </section>
    );
  }
  return <PaperView paper={found.paper} notes={notes} onBack={closePaper} />;
}
