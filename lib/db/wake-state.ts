import { LIBRARY_SOURCES, paperState, type PaperState } from '../notes/paper-state';
import { READING_STATUS } from '../notes/reading-status';
import type { SiteSettings } from '../sites/registry';
import { opfsFile, type FileStore } from './opfs-file';
import { readPageIndexToken } from './page-index';
import { getRevision } from './revisions';
import type { PaperLensDB } from './schema';
import { getSiteSettings } from './site-settings';
import type { WakeStamp } from './wake-stamp';

/**
 * What a service worker woken by a page needs to answer it, copied from IndexedDB into one small
 * OPFS file: the site settings (the content script's first question), the papers revision and
 * token of the stored match index (so the index file, lib/db/page-index-file.ts, is believed
 * without reading IndexedDB) and the state of every paper whose state is not blank (the marks'
 * colours). At 100,000 papers opening IndexedDB took 374 ms of an 0.8 s wake on the test
 * machine; OPFS opens in a few.
 *
 * It is believed only while it carries the current stamp (lib/db/wake-stamp.ts: replaced by every
 * watched write, in every context), and the background checks what it answered from it once
 * IndexedDB is open, correcting the page when they differ. Only the background writes it, with
 * {@link writeWakeState}, after its own writes and whenever a wake found it missing or stale.
 */
export const WAKE_STATE_FILE = 'wake-state.json';
const FORMAT = 1;

export interface WakeState {
  /** The stamp current when it was computed. */
  stamp: string;
  sites: SiteSettings;
  /** The papers revision and the token of the match index stored in IndexedDB. */
  index: { revision: number; token: string };
  /** The notes revision it was computed at (a cheap sign, on checking, that notes changed since). */
  notesRevision: number;
  /** Every paper whose state is not blank; any other paper's is BLANK_STATE. */
  states: ReadonlyMap<string, PaperState>;
}

/** The two files: the copy and its stamp. */
export interface WakeFiles {
  state: FileStore;
  stamp: WakeStamp;
}

export function opfsWakeStateFile(): FileStore {
  return opfsFile(WAKE_STATE_FILE);
}

/** Whether two states show and say the same. */
export function sameState(a: PaperState, b: PaperState): boolean {
  return a.inLibrary === b.inLibrary && a.hasNote === b.hasNote && a.status === b.status && a.starred === b.starred && a.visitedAt === b.visitedAt;
}

const LIBRARY_ONLY: PaperState = paperState({ paper: { source: LIBRARY_SOURCES[0]! } });
const IN_LIBRARY = 1;
const HAS_NOTE = 2;
const STARRED = 4;

/**
 * The file as JSON: papers only in the library (most of an imported library) as a bare list of
 * ids, the others as `[id, flags, status, visitedAt]`, so 100,000 imported papers stay a few MB.
 */
interface WakeStateFile {
  format: number;
  stamp: string;
  sites: SiteSettings;
  index: { revision: number; token: string };
  notesRevision: number;
  library: string[];
  states: [id: string, flags: number, status: PaperState['status'], visitedAt: number | null][];
}

export function encodeWakeState(state: WakeState): Uint8Array {
  const file: WakeStateFile = {
    format: FORMAT,
    stamp: state.stamp,
    sites: state.sites,
    index: state.index,
    notesRevision: state.notesRevision,
    library: [],
    states: [],
  };
  for (const [id, s] of state.states) {
    if (sameState(s, LIBRARY_ONLY)) file.library.push(id);
    else file.states.push([id, (s.inLibrary ? IN_LIBRARY : 0) | (s.hasNote ? HAS_NOTE : 0) | (s.starred ? STARRED : 0), s.status, s.visitedAt]);
  }
  return new TextEncoder().encode(JSON.stringify(file));
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
const STATUSES = new Set<unknown>(READING_STATUS.filter((s) => s !== 'none'));

/** The wake state in `bytes`, or null when they are not a whole file of this format. */
export function decodeWakeState(bytes: ArrayBuffer): WakeState | null {
  let file: WakeStateFile;
  try {
    file = JSON.parse(new TextDecoder().decode(bytes)) as WakeStateFile;
  } catch {
    return null;
  }
  if (
    file?.format !== FORMAT ||
    typeof file.stamp !== 'string' ||
    !isStrings(file.sites?.disabled) ||
    !isStrings(file.sites.custom) ||
    typeof file.index?.revision !== 'number' ||
    typeof file.index.token !== 'string' ||
    typeof file.notesRevision !== 'number' ||
    !isStrings(file.library) ||
    !Array.isArray(file.states)
  )
    return null;
  const states = new Map<string, PaperState>(file.library.map((id) => [id, LIBRARY_ONLY]));
  for (const entry of file.states) {
    const [id, flags, status, visitedAt] = Array.isArray(entry) ? entry : [];
    if (typeof id !== 'string' || typeof flags !== 'number' || (status !== null && !STATUSES.has(status)) || (visitedAt !== null && typeof visitedAt !== 'number'))
      return null;
    states.set(id, { inLibrary: (flags & IN_LIBRARY) !== 0, hasNote: (flags & HAS_NOTE) !== 0, status: status ?? null, starred: (flags & STARRED) !== 0, visitedAt: visitedAt ?? null });
  }
  return { stamp: file.stamp, sites: { disabled: file.sites.disabled, custom: file.sites.custom }, index: file.index, notesRevision: file.notesRevision, states };
}

/** The wake state in the files when it carries the current stamp, else null (none, stale or unreadable). */
export async function readWakeState(files: WakeFiles): Promise<WakeState | null> {
  const [bytes, stamp] = await Promise.all([files.state.read(), files.stamp.file.read()]);
  if (!bytes || !stamp) return null;
  const state = decodeWakeState(bytes);
  return state && state.stamp === new TextDecoder().decode(stamp) ? state : null;
}

/**
 * What the wake state holds, read from the database in one transaction. A paper's state is
 * `paperState` of what the papers, notes and history tables say of it, read here table by table
 * (keys only for the library) rather than paper by paper.
 */
export function computeWakeState(db: PaperLensDB, stamp: string): Promise<WakeState> {
  return db.transaction('r', [db.settings, db.papers, db.notes, db.history], async () => {
    const [sites, index, notesRevision, bySource, inSets, notes, visits] = await Promise.all([
      getSiteSettings(db),
      readPageIndexToken(db),
      getRevision(db, 'notes'),
      db.papers.where('source').anyOf([...LIBRARY_SOURCES]).primaryKeys(),
      db.papers.orderBy('sets').primaryKeys(),
      db.notes.toArray(),
      db.history.toArray(),
    ]);
    const library = new Set<string>([...bySource, ...inSets]);
    const noteOf = new Map(notes.map((n) => [n.paperId, n]));
    const visitOf = new Map(visits.map((v) => [v.id, v.visitedAt]));
    const states = new Map<string, PaperState>();
    for (const id of new Set([...library, ...noteOf.keys(), ...visitOf.keys()])) {
      const state = paperState({ paper: library.has(id) ? { source: LIBRARY_SOURCES[0]! } : null, note: noteOf.get(id), visitedAt: visitOf.get(id) });
      if (state.inLibrary || state.hasNote || state.status || state.starred || state.visitedAt !== null) states.set(id, state);
    }
    return { stamp, sites, index, notesRevision, states };
  });
}

/**
 * The one writer of the wake state: reads the current stamp (making one when there is none),
 * computes the state from the database and writes it with that stamp. A watched write anywhere
 * meanwhile replaces the stamp, so what was computed before it is never believed.
 */
export async function writeWakeState(db: PaperLensDB, files: WakeFiles): Promise<WakeState> {
  await files.stamp.settled();
  let stamp = await files.stamp.file.read();
  if (!stamp) {
    stamp = new TextEncoder().encode(crypto.randomUUID()).buffer;
    await files.stamp.file.write(new Uint8Array(stamp));
  }
  const state = await computeWakeState(db, new TextDecoder().decode(stamp));
  await files.state.write(encodeWakeState(state));
  return state;
}
