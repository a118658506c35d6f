import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { ImportFileResult, ImportPhase } from '@/lib/db/import-file';
import { setsToDescribe } from '@/lib/db/library-describe';
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
  match: 'Matching with your papers',
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
  | { kind: 'done'; name: string; result: ImportFileResult; updated?: string }
  | { kind: 'cancelled'; name: string }
  | { kind: 'failed'; message: string };

function summaryText(name: string, r: ImportFileResult, updated: string | undefined): string {
  const parts = [`${plural(r.added, 'new paper', 'new papers')}`, `${plural(r.merged, 'paper', 'papers')} merged with ones you already had`];
  if (r.updated) parts.push(`${plural(r.updated, 'paper', 'papers')} updated`);
  if (r.duplicates) parts.push(`${plural(r.duplicates, 'duplicate entry', 'duplicate entries')} folded together`);
  if (r.removed) parts.push(`${plural(r.removed, 'paper', 'papers')} no longer in the file left the set`);
  const skipped = r.problems.length ? `; ${plural(r.problems.length, 'entry', 'entries')} skipped (listed below)` : '; nothing skipped';
  const what = updated ? `Updated ${updated} from ${name}, now ${plural(r.count, 'paper', 'papers')}` : `Imported ${plural(r.count, 'paper', 'papers')} from ${name}`;
  return `${what}: ${parts.join(', ')}${skipped}.`;
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

function SetRow({ set, onUpdate }: { set: ImportSet; onUpdate: () => void }) {
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
        <button type="button" onClick={onUpdate} title={`Import a newer export of this library, under any file name, in place of ${set.name}`}>
          Update from a file…
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
 * import's summary and skipped entries, the TL;DRs written after it, and the imported files as
 * sets to update from a newer export (under any file name) or remove.
 */
export function LibraryFilesSection() {
  const db = getDb();
  const sets = useLiveQuery(() => loadImportSets(db), [db]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [problems, setProblems] = useState<ParseProblem[]>([]);
  /** The set the next chosen file updates (its row's "Update from a file…"). */
  const [target, setTarget] = useState<ImportSet | null>(null);
  const [describing, setDescribing] = useState<{ done: number; total: number } | null>(null);
  const [describeError, setDescribeError] = useState<string | null>(null);
  const worker = useRef<Worker | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** What the running import updates, for its summary. */
  const running = useRef<{ name: string; updated?: string }>({ name: '' });

  const onReply = (reply: ImportReply) => {
    const { name, updated } = running.current;
    if (reply.type === 'progress') setStatus({ kind: 'running', name, phase: reply.phase, done: reply.done, total: reply.total });
    else if (reply.type === 'done') {
      refreshSearch();
      setStatus({ kind: 'done', name, result: reply.result, updated });
      setProblems(reply.result.problems);
      if (reply.result.toDescribe) setDescribing({ done: 0, total: reply.result.toDescribe });
    } else if (reply.type === 'cancelled') setStatus({ kind: 'cancelled', name });
    else if (reply.type === 'failed') setStatus({ kind: 'failed', message: reply.message });
    else if (reply.type === 'describing') setDescribing({ done: reply.done, total: reply.total });
    else if (reply.type === 'described') {
      setDescribing(null);
      if (reply.count) refreshSearch();
    } else {
      setDescribing(null);
      setDescribeError(`Some TL;DRs were not written: ${reply.message}. They are written the next time this page opens.`);
    }
  };

  const connect = (): Worker => {
    if (!worker.current) {
      worker.current = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
      worker.current.onmessage = (event: MessageEvent<ImportReply>) => onReply(event.data);
      worker.current.onerror = (event) => setStatus({ kind: 'failed', message: `Nothing was imported from ${running.current.name}: ${event.message}` });
    }
    return worker.current;
  };
  const send = (request: ImportRequest) => connect().postMessage(request);

  useEffect(() => {
    // Papers an earlier import left without TL;DRs (this page was closed before they were written).
    setsToDescribe(db).then(
      (waiting) => waiting.length && send({ type: 'describe' }),
      (e: unknown) => console.error('PaperLens: could not read which papers wait for TL;DRs', e),
    );
    return () => worker.current?.terminate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the page opens
  }, [db]);

  const start = (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    const chosen = target;
    setTarget(null);
    if (!file) return;
    // A file of a set's name updates that set, whatever name the set was first imported under.
    const set = chosen ?? sets?.find((s) => s.id === file.name || s.name === file.name);
    running.current = { name: file.name, updated: set ? set.name : undefined };
    setProblems([]);
    setDescribeError(null);
    setStatus({ kind: 'running', name: file.name, phase: 'read', done: 0, total: 0 });
    send({ type: 'start', file, setId: set?.id });
  };

  const chooseFor = (set: ImportSet) => {
    setTarget(set);
    fileInput.current?.click();
  };

  const busy = status.kind === 'running';

  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">Your library files</h2>
      <p className="muted">
        Import your library exported from Zotero, Mendeley, Google Scholar, EndNote, arXiv or DBLP (BibTeX, RIS or CSL-JSON),
        or a PaperLens JSON file. Its papers are marked wherever they appear, by title and by links to them. Everything stays
        in this browser.
      </p>
      <label className="row">
        {target ? `Choose the newer export of ${target.name} (any file name):` : 'Import a library file:'}
        <input
          ref={fileInput}
          type="file"
          accept={ACCEPT}
          disabled={busy}
          data-testid="library-file"
          aria-describedby="library-import-status"
          onChange={(e) => start(e.target.files?.[0])}
        />
      </label>
      {target && (
        <p className="row muted">
          <span>Its papers take the place of the set's; your notes stay.</span>
          <button type="button" onClick={() => setTarget(null)}>
            Import as a new set instead
          </button>
        </p>
      )}
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
            {summaryText(status.name, status.result, status.updated)}
          </p>
        )}
        {describing && (
          <div className="row" data-testid="describe-progress">
            <progress max={describing.total || 1} value={describing.done} aria-label="Writing TL;DRs" />
            <span>
              Writing TL;DRs: {describing.done.toLocaleString()} of {describing.total.toLocaleString()}. The papers are in your library
              already; if you close this page, this goes on the next time you open it.
            </span>
          </div>
        )}
        {describeError && (
          <p role="alert" className="error">
            {describeError}
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
            <SetRow key={set.id} set={set} onUpdate={() => chooseFor(set)} />
          ))}
        </ul>
      )}
    </section>
  );
}
