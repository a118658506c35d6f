import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { getDb, type PaperLensDB } from '@/lib/db/schema';
import { exportData } from '@/lib/db/export';
import { applyImport, previewImport, type ImportItem, type ImportPreview } from '@/lib/db/import';
import { countLibrary, deleteAllData, loadLibrary, loadUserPapers } from '@/lib/db/library';
import { toBibtex } from '@/lib/notes/bibtex';
import { exportFileName, serializeExport, type ExportFile } from '@/lib/notes/export';
import { checkImportSize, ImportError, parseExport } from '@/lib/notes/import';
import { toMarkdown } from '@/lib/notes/markdown-export';
import { describeStorageError } from '@/lib/notes/storage-errors';
import { plural, pluralWord } from '@/lib/plural';

export interface DataSectionProps {
  /**
   * Runs before "delete all my data" removes the settings: the entry point withdraws what the
   * browser holds outside the database (opted-in sites' permissions and scripts).
   */
  beforeDeleteAll: () => Promise<void>;
  /** Runs after an import landed, so views kept outside the database (site settings) refresh. */
  afterImport: () => void;
}

/** Which control a message is about: it is shown next to that control. */
type Area = 'export' | 'import' | 'delete';
type Status = { kind: 'none' } | { kind: 'ok' | 'error'; area: Area; text: string };

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click has started the download; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

async function exportJsonFile(db: PaperLensDB): Promise<void> {
  const file = await exportData(db);
  download(exportFileName(file.exportedAt, 'json'), 'application/json', serializeExport(file));
}

async function exportMarkdownFile(db: PaperLensDB): Promise<void> {
  const now = Date.now();
  download(exportFileName(now, 'md'), 'text/markdown', toMarkdown(await loadLibrary(db), now));
}

async function exportBibtexFile(db: PaperLensDB): Promise<void> {
  download(exportFileName(Date.now(), 'bib'), 'application/x-bibtex', toBibtex(await loadUserPapers(db)));
}

const KIND_WORDS: Record<ImportItem['kind'], string> = { note: 'Note', paper: 'Saved paper', setting: 'Setting' };

function PreviewList({ title, items, testId }: { title: string; items: ImportItem[]; testId: string }) {
  return (
    <details open={items.length > 0 && items.length <= 20} data-testid={testId}>
      <summary>
        {title}: {items.length}
      </summary>
      <ul>
        {items.map((item) => (
          <li key={`${item.kind}:${item.id}`}>
            {KIND_WORDS[item.kind]}: {item.label}
            {item.reason !== item.kind && <span className="muted"> ({item.reason})</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Counts, export (JSON, Markdown, BibTeX), import with a preview, and "delete all my data". */
export function DataSection({ beforeDeleteAll, afterImport }: DataSectionProps) {
  const db = getDb();
  const counts = useLiveQuery(() => countLibrary(db), [db]);
  const [status, setStatus] = useState<Status>({ kind: 'none' });
  const [pending, setPending] = useState<{ name: string; file: ExportFile; preview: ImportPreview } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const fail = (area: Area) => (error: unknown) =>
    setStatus({ kind: 'error', area, text: error instanceof ImportError ? `Nothing was imported. ${error.message}` : describeStorageError(error) });

  const exportJson = () => exportJsonFile(db);
  const exportMarkdown = () => exportMarkdownFile(db);
  const exportBibtex = () => exportBibtexFile(db);
  const run = (area: Area, action: () => Promise<void>) => () => {
    setStatus({ kind: 'none' });
    action().catch(fail(area));
  };

  const chooseFile = async (file: File | undefined) => {
    setPending(null);
    setStatus({ kind: 'none' });
    if (!file) return;
    try {
      checkImportSize(file.name, file.size);
      const parsed = parseExport(await file.text(), file.name);
      setPending({ name: file.name, file: parsed, preview: await previewImport(db, parsed) });
    } catch (error) {
      fail('import')(error);
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const apply = async () => {
    if (!pending) return;
    const result = await applyImport(db, pending.file);
    setPending(null);
    afterImport();
    setStatus({
      kind: 'ok',
      area: 'import',
      text: `Imported: ${result.add.length} added, ${result.update.length} updated, ${result.skip.length} skipped.`,
    });
  };

  const deleteAll = async () => {
    await beforeDeleteAll();
    await deleteAllData(db);
    setConfirming(false);
    setTyped('');
    setStatus({ kind: 'ok', area: 'delete', text: 'All your notes, saved papers and settings were deleted.' });
  };

  /** The message about one control, right after it; the control names it as its description. */
  const statusId = (area: Area) => `data-status-${area}`;
  const statusOf = (area: Area) =>
    status.kind !== 'none' &&
    status.area === area && (
      <p id={statusId(area)} role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind} data-testid="data-status">
        {status.text}
      </p>
    );
  const describedBy = (area: Area) => (status.kind !== 'none' && status.area === area ? statusId(area) : undefined);

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p data-testid="data-counts">
        {counts
          ? `${plural(counts.notes, 'note', 'notes')} · ${plural(counts.userPapers, 'saved paper', 'saved papers')} · ` +
            `${plural(counts.orphans, 'note', 'notes')} on ${pluralWord(counts.orphans, { one: 'a paper', other: 'papers' })} no longer in the catalog`
          : 'Counting…'}
      </p>

      <div role="group" aria-labelledby="export-heading">
        <h3 id="export-heading">Export</h3>
        <div className="row">
          <button type="button" onClick={run('export', exportJson)} aria-describedby={describedBy('export')}>
            Export everything (JSON)
          </button>
          <button type="button" onClick={run('export', exportMarkdown)} aria-describedby={describedBy('export')}>
            Export notes (Markdown)
          </button>
          <button type="button" onClick={run('export', exportBibtex)} aria-describedby={describedBy('export')}>
            Export saved papers (BibTeX)
          </button>
        </div>
        <p className="muted">
          JSON holds your notes, saved papers and settings, to import again. Markdown holds every paper you noted or saved
          with your notes. BibTeX holds only the papers you saved from their pages.
        </p>
        {statusOf('export')}
      </div>

      <div role="group" aria-labelledby="import-heading">
        <h3 id="import-heading">Import</h3>
        <label className="row">
          Import a PaperLens JSON export:
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            data-testid="import-file"
            aria-describedby={describedBy('import')}
            onChange={(e) => void chooseFile(e.target.files?.[0])}
          />
        </label>
        {statusOf('import')}
        {pending && (
          <div className="preview" data-testid="import-preview">
            <p>
              <strong>{pending.name}</strong>, exported {new Date(pending.file.exportedAt).toLocaleString()}. Newer notes
              replace older ones; nothing of yours that is newer is overwritten.
            </p>
            <PreviewList title="Will be added" items={pending.preview.add} testId="preview-add" />
            <PreviewList title="Will be updated" items={pending.preview.update} testId="preview-update" />
            <PreviewList title="Will be skipped" items={pending.preview.skip} testId="preview-skip" />
            <div className="row">
              <button type="button" onClick={run('import', apply)}>
                Apply import
              </button>
              <button type="button" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </div>

      <div role="group" aria-labelledby="delete-heading">
        <h3 id="delete-heading">Delete</h3>
        {confirming ? (
          <div className="danger">
            <p>
              This deletes all your notes, the papers you saved and your settings from this browser. It cannot be undone:
              export first if you may want them back. Type <strong>DELETE</strong> to confirm.
            </p>
            <div className="row">
              <input aria-label="Type DELETE to confirm" value={typed} onChange={(e) => setTyped(e.target.value)} />
              <button type="button" disabled={typed !== 'DELETE'} onClick={run('delete', deleteAll)}>
                Delete all my data
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete all my data…
          </button>
        )}

        {statusOf('delete')}
      </div>
    </section>
  );
}
