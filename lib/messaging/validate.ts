import * as v from 'valibot';
import { MAX_TITLE_CHARS } from '../match/title-index';
import { LIBRARY_LIMITS, NoteInputSchema, PaperIdSchema, SavePaperInputSchema, VisitInputSchema } from '../notes/model';
import { SITES } from '../sites/registry';
import { at, boundedString, parseOrThrow, record } from '../validation';

/** A message whose data does not have the shape the protocol promises; the sender gets the reason. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** Upper bounds that keep a hostile page from making the background allocate without limit. */
export const LIMITS = {
  ...LIBRARY_LIMITS,
  titleChars: MAX_TITLE_CHARS,
  titlesPerLookup: 20_000,
  /** Candidates (adapter titles plus running-text blocks) in one page scan. */
  candidatesPerScan: 50_000,
  /**
   * Characters of page text in one scan, summed over candidates. Matching is linear in this, so
   * 4 MB keeps a hostile or huge page to well under a second of background work.
   */
  scanChars: 4_000_000,
  /** An arXiv id a page shows beside a title; the longest real ones (`cond-mat.mes-hall/0703123v12`) are under 30. */
  arxivIdChars: 40,
  siteIdChars: 64,
  originChars: 300,
} as const;

const TitlesSchema = v.pipe(
  v.array(v.unknown(), 'titles must be an array of strings'),
  v.maxLength(LIMITS.titlesPerLookup, `at most ${LIMITS.titlesPerLookup} titles per lookup`),
  // Over-long candidates are page text, not titles: they simply do not match.
  v.transform((titles) => titles.map((t) => (typeof t === 'string' && t.length <= LIMITS.titleChars ? t : ''))),
);

const MatchCandidatesSchema = v.pipe(
  v.array(v.unknown(), 'candidates must be an array'),
  v.maxLength(LIMITS.candidatesPerScan, `at most ${LIMITS.candidatesPerScan} candidates per scan`),
  v.array(
    record(
      {
        kind: v.picklist(['title', 'text', 'link'], at("must be 'title', 'text' or 'link'")),
        text: v.string(at('must be a string')),
        arxivId: v.optional(boundedString(LIMITS.arxivIdChars)),
      },
      at('must be an object'),
    ),
  ),
  v.check(
    (candidates) => candidates.reduce((sum, c) => sum + c.text.length, 0) <= LIMITS.scanChars,
    `a scan may carry at most ${LIMITS.scanChars} characters of page text`,
  ),
);

const SiteToggleSchema = v.pipe(
  record(
    { siteId: boundedString(LIMITS.siteIdChars, 'site id'), enabled: v.boolean('enabled must be true or false') },
    'site toggle must be an object',
  ),
  v.check(
    (toggle) => SITES.some((s) => s.id === toggle.siteId),
    (issue) => `unknown site "${(issue.input as { siteId: string }).siteId}"`,
  ),
);
export type SiteToggle = v.InferOutput<typeof SiteToggleSchema>;

/** An http(s) origin such as `https://example.org` (what optional host permissions are granted for). */
const OriginSchema = v.pipe(
  boundedString(LIMITS.originChars, 'origin'),
  v.trim(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    let url: URL;
    try {
      url = new URL(dataset.value);
    } catch {
      addIssue({ message: `"${dataset.value}" is not a web address` });
      return NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      addIssue({ message: 'only http and https sites can be added' });
      return NEVER;
    }
    return url.origin;
  }),
);

/** A function that returns `value` as `schema` reads it, or throws a ProtocolError saying what is wrong. */
function expecting<TSchema extends v.GenericSchema>(schema: TSchema, root?: string) {
  return (value: unknown): v.InferOutput<TSchema> => parseOrThrow(schema, value, ProtocolError, root);
}

export const expectPaperId = expecting(PaperIdSchema);
export const expectTitles = expecting(TitlesSchema);
export const expectNoteInput = expecting(NoteInputSchema);
export const expectSavePaperInput = expecting(SavePaperInputSchema);
export const expectVisitInput = expecting(VisitInputSchema);
export const expectMatchCandidates = expecting(MatchCandidatesSchema, 'candidates');
export const expectSiteToggle = expecting(SiteToggleSchema);
export const expectOrigin = expecting(OriginSchema);
