import { MAX_TITLE_CHARS, type MatchCandidate } from '../match/title-index';
import { READING_STATUS, type NoteInput, type ReadingStatus, type SavePaperInput } from '../notes/model';

/** A message whose data does not have the shape the protocol promises; the sender gets the reason. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** Upper bounds that keep a hostile page from making the background allocate without limit. */
export const LIMITS = {
  idChars: 200,
  titleChars: MAX_TITLE_CHARS,
  titlesPerLookup: 20_000,
  noteChars: 1_000_000,
  tags: 100,
  tagChars: 100,
  abstractChars: 50_000,
  urlChars: 2_000,
  authors: 500,
  authorChars: 300,
  /** Candidates (adapter titles plus running-text blocks) in one page scan. */
  candidatesPerScan: 50_000,
  /**
   * Characters of page text in one scan, summed over candidates. Matching is linear in this, so
   * 4 MB keeps a hostile or huge page to well under a second of background work.
   */
  scanChars: 4_000_000,
  siteIdChars: 64,
  originChars: 300,
} as const;

export function expectString(value: unknown, what: string, maxChars: number): string {
  if (typeof value !== 'string') throw new ProtocolError(`${what} must be a string`);
  if (value.length > maxChars) throw new ProtocolError(`${what} is longer than ${maxChars} characters`);
  return value;
}

export function expectPaperId(value: unknown): string {
  const id = expectString(value, 'paper id', LIMITS.idChars);
  if (!id) throw new ProtocolError('paper id must not be empty');
  return id;
}

export function expectTitles(value: unknown): string[] {
  if (!Array.isArray(value)) throw new ProtocolError('titles must be an array of strings');
  if (value.length > LIMITS.titlesPerLookup) {
    throw new ProtocolError(`at most ${LIMITS.titlesPerLookup} titles per lookup`);
  }
  // Over-long candidates are page text, not titles: they simply do not match.
  return value.map((t) => (typeof t === 'string' && t.length <= LIMITS.titleChars ? t : ''));
}

export function expectNoteInput(value: unknown): NoteInput {
  if (!value || typeof value !== 'object') throw new ProtocolError('note must be an object');
  const v = value as Record<string, unknown>;
  const input: NoteInput = { paperId: expectPaperId(v.paperId) };
  if (v.text !== undefined) input.text = expectString(v.text, 'note text', LIMITS.noteChars);
  if (v.tags !== undefined) {
    if (!Array.isArray(v.tags) || v.tags.length > LIMITS.tags) {
      throw new ProtocolError(`tags must be an array of at most ${LIMITS.tags} strings`);
    }
    input.tags = v.tags.map((t) => expectString(t, 'tag', LIMITS.tagChars).trim()).filter(Boolean);
  }
  if (v.status !== undefined) {
    if (!READING_STATUS.includes(v.status as ReadingStatus)) {
      throw new ProtocolError(`status must be one of ${READING_STATUS.join(', ')}`);
    }
    input.status = v.status as ReadingStatus;
  }
  if (v.starred !== undefined) {
    if (typeof v.starred !== 'boolean') throw new ProtocolError('starred must be true or false');
    input.starred = v.starred;
  }
  // null is kept: "the editor started from no note", so a note created elsewhere meanwhile is a conflict.
  if (v.baseUpdatedAt === null) input.baseUpdatedAt = null;
  else if (v.baseUpdatedAt !== undefined) {
    if (typeof v.baseUpdatedAt !== 'number' || !Number.isFinite(v.baseUpdatedAt)) {
      throw new ProtocolError('baseUpdatedAt must be a number');
    }
    input.baseUpdatedAt = v.baseUpdatedAt;
  }
  return input;
}

/** arXiv identifiers: new style (2106.09608, optional version) or old style (cs/0102001). */
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

export function expectSavePaperInput(value: unknown): SavePaperInput {
  if (!value || typeof value !== 'object') throw new ProtocolError('paper must be an object');
  const v = value as Record<string, unknown>;
  const title = expectString(v.title, 'title', LIMITS.titleChars).trim();
  if (!/[\p{L}\p{N}]/u.test(title)) throw new ProtocolError('title must contain a letter or digit');
  const url = expectString(v.url, 'url', LIMITS.urlChars);
  if (!/^https?:\/\//.test(url)) throw new ProtocolError('url must be an http(s) address');
  const input: SavePaperInput = { title, abstract: expectString(v.abstract, 'abstract', LIMITS.abstractChars).trim(), url };
  if (v.arxivId !== undefined) {
    const id = expectString(v.arxivId, 'arxivId', 40);
    if (!ARXIV_ID.test(id)) throw new ProtocolError('arxivId is not an arXiv identifier');
    input.arxivId = id;
  }
  if (v.authors !== undefined) {
    if (!Array.isArray(v.authors) || v.authors.length > LIMITS.authors) {
      throw new ProtocolError(`authors must be an array of at most ${LIMITS.authors} strings`);
    }
    input.authors = v.authors.map((a) => expectString(a, 'author', LIMITS.authorChars).trim()).filter(Boolean);
  }
  if (v.year !== undefined) {
    if (!Number.isInteger(v.year) || (v.year as number) < 1000 || (v.year as number) > 9999) {
      throw new ProtocolError('year must be a four-digit number');
    }
    input.year = v.year as number;
  }
  return input;
}

export function expectMatchCandidates(value: unknown): MatchCandidate[] {
  if (!Array.isArray(value)) throw new ProtocolError('candidates must be an array');
  if (value.length > LIMITS.candidatesPerScan) {
    throw new ProtocolError(`at most ${LIMITS.candidatesPerScan} candidates per scan`);
  }
  let total = 0;
  return value.map((c: unknown, i) => {
    const v = (c ?? {}) as Record<string, unknown>;
    if (v.kind !== 'title' && v.kind !== 'text') {
      throw new ProtocolError(`candidate ${i}: kind must be 'title' or 'text'`);
    }
    if (typeof v.text !== 'string') throw new ProtocolError(`candidate ${i}: text must be a string`);
    total += v.text.length;
    if (total > LIMITS.scanChars) {
      throw new ProtocolError(`a scan may carry at most ${LIMITS.scanChars} characters of page text`);
    }
    return { kind: v.kind, text: v.text };
  });
}

export function expectSiteToggle(value: unknown): { siteId: string; enabled: boolean } {
  const v = (value ?? {}) as Record<string, unknown>;
  const siteId = expectString(v.siteId, 'site id', LIMITS.siteIdChars);
  if (typeof v.enabled !== 'boolean') throw new ProtocolError('enabled must be true or false');
  return { siteId, enabled: v.enabled };
}

/** An http(s) origin such as `https://example.org` (what optional host permissions are granted for). */
export function expectOrigin(value: unknown): string {
  const raw = expectString(value, 'origin', LIMITS.originChars).trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ProtocolError(`"${raw}" is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProtocolError('only http and https sites can be added');
  }
  return url.origin;
}
