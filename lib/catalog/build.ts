import { normalizeTitle } from '../match/normalize';
import { keyResult, keyResultRepeats, plainText, summarize } from '../summary';
import { hash64 } from './hash';
import { paperId } from './id';
import { extractLinks } from './links';
import { parseSeedFile, SeedError, type SeedEntry } from './seeds';
import { deriveTopics } from './topics';
import type { Catalog, Paper } from './types';

/** A seed file's name and text, as read by the build. */
export interface SeedFile {
  name: string;
  text: string;
}

/** Turns one paper's title and abstract into everything the extension shows about it. */
export function describePaper(title: string, rawAbstract: string, sources: string[] = []): Paper {
  // Shown as plain text; the summarizer cleans the raw abstract itself (cleaning twice is lossy).
  const abstract = plainText(rawAbstract);
  const tldr = summarize({ title, abstract: rawAbstract });
  const result = keyResult(rawAbstract, title);
  return {
    id: paperId(title),
    title,
    abstract,
    tldr,
    // Shown under the TL;DR only when it adds something; otherwise the card shows one line.
    keyResult: result !== null && keyResultRepeats(result, tldr) ? null : result,
    links: extractLinks(rawAbstract),
    topics: deriveTopics(title, abstract),
    sources,
  };
}

/** Content version: changes whenever any shipped field of any paper changes. */
export function catalogVersion(papers: Paper[]): string {
  return hash64(JSON.stringify(papers));
}

/**
 * Builds the catalog from all seed files: parses each, merges repeats of one paper (same
 * normalized title) across files, and sorts by id so the output does not depend on file order.
 * A paper whose repeats disagree keeps the longest abstract, since dumps may cut one short.
 */
export function buildCatalog(files: SeedFile[]): Catalog {
  const byKey = new Map<string, { entry: SeedEntry; sources: Set<string> }>();
  const idOwner = new Map<string, string>();
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const entry of parseSeedFile(file.text, file.name)) {
      const key = normalizeTitle(entry.title);
      const id = paperId(entry.title);
      const owner = idOwner.get(id);
      if (owner !== undefined && owner !== key) {
        throw new SeedError(file.name, entry.line, `id ${id} collides with another title ("${owner}")`);
      }
      idOwner.set(id, key);
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, { entry, sources: new Set([file.name]) });
        continue;
      }
      seen.sources.add(file.name);
      if (entry.abstract.length > seen.entry.abstract.length) seen.entry = entry;
    }
  }
  const papers = [...byKey.values()]
    .map(({ entry, sources }) => describePaper(entry.title, entry.abstract, [...sources].sort()))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { version: catalogVersion(papers), papers };
}
