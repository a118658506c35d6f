import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { ImportFileResult, ImportPhase } from '@/lib/db/import-file';
import { loadImportSets, removeImportSet } from '@/lib/db/library-import';
import { getDb } from '@/lib/db/schema';
import { errorMessage } from '@/lib/errors';
import { toBackground } from '@/lib/messaging/to-background';
import type { ImportSet, ParseProblem } from '@/lib/library';
import { plural } from '@/lib/plural';
import type { ImportReply, ImportRequest } from './import-worker';

/** Files the picker offers; the content decides the format, so other names are accepted too. */
const ACCEPT = '.bib,.bibtex,.biblatex,.ris,.json,.jsonl,.ndjson,.txt';
/** Problems listed on the page; a file with more says how many it left out. */
const PROBLEMS_SHOWN = 200;

const PHASE_WORDS: Record<ImportPhase, string> = {
  read: 'Reading entries',
  summarize: 'Writing TL;DRs',
  write: 'Saving papers',
};

const FORMAT_WORDS: Record<ImportSet['format'], string> = {
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  'paperlens-json': 'PaperLens JSON',
  'paperlens-jsonl': 'PaperLens JSON Lines',
};

/** The background rebuilds the popup's search index after papers were written here. */
function refreshSearch(): void {
  toBackground.sendMessage('refreshSearchIndex').catch((e: unknown) => console.error('PaperLens: the search index was not refreshed', e));
}

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; name: string; phase: ImportPhase; done: number; total: number }
  | { kind: 'done'; name: string; result: ImportFileResult }
  | { kind: 'cancelled'; name: string }
  | { kind: 'failed'; message: string };

function summaryText(name: string, r: ImportFileResult): string {
  const parts = [`${plural(r.added, 'new paper', 'new papers')}`, `${plural(r.merged, 'paper', 'papers')} merged with ones you already had`];
  if (r.updated) parts.push(`${plural(r.updated, 'paper', 'papers')} updated`);
  if (r.duplicates) parts.push(`${plural(r.duplicates, 'duplicate entry', 'duplicate entries')} folded together`);
  if (r.removed) parts.push(`${plural(r.removed, 'paper', 'papers')} no longer in the file left the set`);
  const skipped = r.problems.length ? `; ${plural(r.problems.length, 'entry', 'entries')} skipped (listed below)` : '; nothing skipped';
  return `Imported ${plural(r.count, 'paper', 'papers')} from ${name}: ${parts.join(', ')}${skipped}.`;
}

function Problems({ problems }: { problems: ParseProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <details open={problems.length <= 20} data-testid="import-problems">
      <summary>{plural(problems.length, 'entry was', 'entries were')} not imported</summary>
      <ul>
        {problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
          <li key={i}>
            Line {p.line}: {p.reason}
          </li>
        ))}
      </ul>
      {problems.length > PROBLEMS_SHOWN && <p className="muted">and {problems.length - PROBLEMS_SHOWN} more.</p>}
    </details>
  );
}

function SetRow({ set, onReimport }: { set: ImportSet; onReimport: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = () => {
    removeImportSet(getDb(), set.id).then(
      () => {
        refreshSearch();
        setConfirming(false);
      },
      (e: unknown) => setError(`${set.name} could not be removed: ${errorMessage(e)}`),
    );
  };
  return (
    <li className="set" data-testid="import-set" data-set-id={set.id}>
      <div className="row">
        <strong>{set.name}</strong>
        <span className="muted">
          {FORMAT_WORDS[set.format]} · {plural(set.count, 'paper', 'papers')} · imported {new Date(set.importedAt).toLocaleString()}
        </span>
        <button type="button" onClick={onReimport}>
          Re-import…
        </button>
        {confirming ? (
          <>
            <span>Remove its papers? Your notes on them stay.</span>
            <button type="button" onClick={remove}>
              Remove {set.name}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Remove…
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}

/**
 * Import a library file (BibTeX, RIS, CSL-JSON, PaperLens JSON) with progress and Cancel, the
 * import's summary and skipped entries, and the imported files as sets to re-import or remove.
 */
export function LibraryFilesSection() {
  const db = getDb();
  const sets = useLiveQuery(() => loadImportSets(db), [db]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [problems, setProblems] = useState<ParseProblem[]>([]);
  const [reimport, setReimport] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  const send = (request: ImportRequest) => worker.current?.postMessage(request);

  const start = (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    if (reimport && file.name !== reimport) {
      setStatus({ kind: 'failed', message: `To update ${reimport}, choose a file with that name; ${file.name} would be imported as a set of its own. Nothing was imported.` });
      setReimport(null);
      return;
    }
    setReimport(null);
    setProblems([]);
    worker.current ??= new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    worker.current.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') setStatus({ kind: 'running', name: file.name, phase: reply.phase, done: reply.done, total: reply.total });
      else if (reply.type === 'done') {
        refreshSearch();
        setStatus({ kind: 'done', name: file.name, result: reply.result });
        setProblems(reply.result.problems);
      } else if (reply.type === 'cancelled') setStatus({ kind: 'cancelled', name: file.name });
      else setStatus({ kind: 'failed', message: reply.message });
    };
    worker.current.onerror = (event) => setStatus({ kind: 'failed', message: `Nothing was imported from ${file.name}: ${event.message}` });
    setStatus({ kind: 'running', name: file.name, phase: 'read', done: 0, total: 0 });
    send({ type: 'start', file });
  };

  const chooseFor = (name: string) => {
    setReimport(name);
    fileInput.current?.click();
  };

  const running = status.kind === 'running';

  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">Your library files</h2>
      <p className="muted">
        Import your library exported from Zotero, Mendeley, Google Scholar, EndNote, arXiv or DBLP (BibTeX, RIS or CSL-JSON),
        or a PaperLens JSON file. Its papers are marked wherever they appear, by title and by links to them. Everything stays
        in this browser.
      </p>
      <label className="row">
        {reimport ? `Choose ${reimport} again:` : 'Import a library file:'}
        <input
          ref={fileInput}
          type="file"
          accept={ACCEPT}
          disabled={running}
          data-testid="library-file"
          aria-describedby="library-import-status"
          onChange={(e) => start(e.target.files?.[0])}
        />
      </label>
      <div id="library-import-status" aria-live="polite">
        {status.kind === 'running' && (
          <div className="row" data-testid="import-progress">
            <progress max={status.total || 1} value={status.total ? status.done : undefined} aria-label={`${PHASE_WORDS[status.phase]} from ${status.name}`} />
            <span>
              {PHASE_WORDS[status.phase]}
              {status.total ? `: ${status.done.toLocaleString()} of ${status.total.toLocaleString()}` : '…'}
            </span>
            <button type="button" onClick={() => send({ type: 'cancel' })}>
              Cancel
            </button>
          </div>
        )}
        {status.kind === 'done' && (
          <p role="status" className="ok" data-testid="import-summary">
            {summaryText(status.name, status.result)}
          </p>
        )}
        {status.kind === 'cancelled' && (
          <p role="status" data-testid="import-summary">
            Import of {status.name} cancelled; nothing was changed.
          </p>
        )}
        {status.kind === 'failed' && (
          <p role="alert" className="error" data-testid="import-error">
            {status.message}
          </p>
        )}
      </div>
      <Problems problems={problems} />
      <h3>Imported files</h3>
      {sets === undefined ? (
        <p>Loading…</p>
      ) : sets.length === 0 ? (
        <p className="muted">No library file imported yet.</p>
      ) : (
        <ul className="sets">
          {sets.map((set) => (
            <SetRow key={set.id} set={set} onReimport={() => chooseFor(set.name)} />
          ))}
        </ul>
      )}
    </section>
  );
}
