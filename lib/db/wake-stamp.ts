import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { SETTING_KEYS } from '../settings';
import { opfsFile, type FileStore } from './opfs-file';

/**
 * The wake state (lib/db/wake-state.ts) is a copy of what a woken service worker's first
 * answers need, kept in OPFS so they need no IndexedDB. It is believed only while it carries the
 * current *stamp*: a random string in a file of its own that every write able to change what it
 * holds replaces, in whatever context it runs (background, popup, options page, import worker).
 * This Dexie middleware, installed on every context's database (lib/db/schema.ts getDb), is that
 * writer: no write path has to remember it.
 *
 * The stamp is replaced when a transaction first writes something watched (so a context that
 * dies before the commit still leaves the copy disbelieved) and again once it commits (so a copy
 * computed meanwhile is disbelieved too). An OPFS write cannot join the IndexedDB transaction: a
 * worker woken in the moment between a commit and its stamp may still believe the copy, which is
 * why the background checks what it answered from it once IndexedDB is open (lib/messaging/handlers.ts).
 */
export const WAKE_STAMP_FILE = 'wake-stamp';

/** The tables whose every write may change a paper's state or the match index. */
const WATCHED_TABLES = new Set(['papers', 'notes', 'history']);
/** The settings rows the wake state copies or is checked against. */
const WATCHED_SETTINGS = new Set<unknown>([SETTING_KEYS.sites, SETTING_KEYS.papersRevision, SETTING_KEYS.pageIndexToken]);

/** Whether `req` on table `table` may change what the wake state holds. */
export function changesWakeState(table: string, req: DBCoreMutateRequest): boolean {
  if (WATCHED_TABLES.has(table)) return true;
  if (table !== 'settings') return false;
  switch (req.type) {
    case 'deleteRange':
      return true;
    case 'delete':
      return req.keys.some((k) => WATCHED_SETTINGS.has(k));
    default:
      return (req.keys ?? []).some((k) => WATCHED_SETTINGS.has(k)) || req.values.some((v: { key?: unknown }) => WATCHED_SETTINGS.has(v?.key));
  }
}

const stampBytes = () => new TextEncoder().encode(crypto.randomUUID());

/** The stamp file of this context's wake state: replaced by `stamp`, each write after the one before. */
export interface WakeStamp {
  file: FileStore;
  /** Replaces the stamp (errors are swallowed: where there is no OPFS there is no copy to disbelieve). */
  stamp(): void;
  /** Resolves once every stamp asked for so far is written. */
  settled(): Promise<void>;
  /** Called after each stamp asked for in this context (the background rewrites the copy after its own writes). */
  onStamp(listener: () => void): void;
}

export function wakeStamp(file: FileStore = opfsFile(WAKE_STAMP_FILE)): WakeStamp {
  let chain = Promise.resolve();
  const listeners: (() => void)[] = [];
  return {
    file,
    stamp() {
      chain = chain.then(() => file.write(stampBytes())).catch(() => undefined);
      for (const listener of listeners) listener();
    },
    settled: () => chain,
    onStamp: (listener) => void listeners.push(listener),
  };
}

/** This context's stamp (one per context, as the database is). */
let shared: WakeStamp | undefined;
export function contextWakeStamp(): WakeStamp {
  shared ??= wakeStamp();
  return shared;
}

/** The middleware: stamps at a transaction's first watched write and after it commits. */
export function wakeStampMiddleware(stamp: WakeStamp): Middleware<DBCore> {
  const seen = new WeakSet<object>();
  return {
    stack: 'dbcore',
    name: 'paperlens-wake-stamp',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            if (changesWakeState(name, req) && !seen.has(req.trans)) {
              seen.add(req.trans);
              stamp.stamp();
              // Dexie's transaction here is the IndexedDB one.
              const idb = req.trans as unknown as Partial<IDBTransaction>;
              idb.addEventListener?.('complete', () => stamp.stamp());
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}
