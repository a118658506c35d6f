import { errorMessage } from '../errors';

/** True for the browser's "storage full" error, whether raw, wrapped by Dexie, or passed through a message. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { name, message, inner } = e as { name?: unknown; message?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    if (typeof message === 'string' && /QuotaExceeded|quota (has been )?exceeded/i.test(message)) return true;
    e = inner;
  }
  return false;
}

/** What went wrong with a write, in words the user can act on. */
export function describeStorageError(error: unknown): string {
  if (isQuotaError(error)) {
    return (
      'The browser has no storage left for PaperLens, so this change was not saved. ' +
      'Export your data now, then free disk space or allow more storage for extensions, and try again.'
    );
  }
  return `Not saved: ${errorMessage(error)}`;
}

/** `1.5 MB`: storage usage as the options page shows it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
