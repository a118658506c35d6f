import Fuse from 'fuse.js';

/** Suggestions shown under the tag field; more would push the note out of a 600 px popup. */
const MAX_SUGGESTIONS = 6;

/**
 * The user's own tags that fit what they are typing, best first: a short list scanned whole,
 * which is the job fuse.js is made for (typos, letters anywhere in the tag: "lern" finds
 * "deep-learning"). Tags the note already has are left out; nothing is suggested for an
 * empty field.
 */
export function suggestTags(known: readonly string[], typed: string, current: readonly string[]): string[] {
  const query = typed.trim().replace(/^#+/, '').toLowerCase();
  if (!query) return [];
  const candidates = known.filter((t) => !current.includes(t));
  const fuse = new Fuse(candidates, { ignoreLocation: true, threshold: 0.4 });
  return fuse
    .search(query, { limit: MAX_SUGGESTIONS })
    .map((r) => r.item)
    .filter((t) => t !== query);
}
