import { normalizeTitle } from '../match/normalize';
import { hash64 } from './hash';

/**
 * Stable paper id: a readable slug of the normalized title plus a hash of the whole normalized
 * title. Two spellings of one title (curly quotes, case, TeX) get the same id.
 */
export function paperId(title: string): string {
  const key = normalizeTitle(title);
  if (!key) throw new Error(`A paper title needs at least one letter or digit: ${JSON.stringify(title)}`);
  const slug = key.split(' ').slice(0, 6).join('-').slice(0, 48).replace(/-+$/, '');
  return `${slug}-${hash64(key).slice(0, 8)}`;
}
