import { rougeTokens } from './rouge.ts';
import { isContentToken } from './text.ts';

// Apart from key-result.ts so the popup and the card, which show key results, load only this.

/** Share of a key result's content words a TL;DR must hold before the key result counts as a repeat. */
const REPEAT_SHARE = 0.6;

/**
 * Whether showing `result` under `tldr` would say the same thing twice: the TL;DR holds every
 * number of the result and most of its content words. "Primer … a smaller training cost" does
 * not repeat "Primer … reducing the training cost by 4X": the 4X is new.
 */
export function keyResultRepeats(result: string, tldr: string): boolean {
  const said = new Set(rougeTokens(tldr));
  const tokens = [...new Set(rougeTokens(result))];
  if (tokens.some((t) => /\d/.test(t) && !said.has(t))) return false;
  const content = tokens.filter(isContentToken);
  return content.filter((t) => said.has(t)).length >= REPEAT_SHARE * content.length;
}

/**
 * The key result to show under `tldr`, or null when there is none or it only says the TL;DR
 * again. The catalog build drops repeats already; papers saved or imported may still carry one.
 */
export function keyResultToShow(result: string | null | undefined, tldr: string): string | null {
  if (!result?.trim()) return null;
  return keyResultRepeats(result, tldr) ? null : result;
}
