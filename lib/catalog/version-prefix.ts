/**
 * The catalog version written at the start of catalog.json (`{"version":"…",` comes first:
 * lib/catalog/read-seeds.ts writes `JSON.stringify({ version, papers })`), read from the file's
 * first bytes, so a woken service worker can tell the database is up to date without reading
 * and parsing the whole catalog. Null when the text does not start that way.
 */
export function catalogVersionPrefix(head: string): string | null {
  const quoted = /^\s*\{\s*"version"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(head)?.[1];
  return quoted === undefined ? null : (JSON.parse(quoted) as string);
}
