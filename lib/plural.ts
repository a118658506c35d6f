/**
 * Counted nouns in the interface ("1 note", "2 notes"). The forms are chosen by the standard
 * Intl.PluralRules for the interface's language (English today: "one" and "other"), not by
 * `n === 1`, so the same call serves a language with more forms once the strings are translated.
 */
const LOCALE = 'en';
const rules = new Intl.PluralRules(LOCALE);
const numbers = new Intl.NumberFormat(LOCALE);

/** The noun's forms by plural category; `other` is required, as every language has it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The word for `n` things: `pluralWord(1, { one: 'note', other: 'notes' })` → `note`. */
export function pluralWord(n: number, forms: PluralForms): string {
  return forms[rules.select(n)] ?? forms.other;
}

/** The count and the word: `plural(1234, 'paper', 'papers')` → `1,234 papers`. */
export function plural(n: number, one: string, other: string): string {
  return `${numbers.format(n)} ${pluralWord(n, { one, other })}`;
}
