/** Words too common to say anything about a paper's topic. */
const STOPWORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with without about into onto over under than then ' +
    'as is are was were be been being am do does did done has have had having it its this that these ' +
    'those there their them they we our us i you your he she his her which who whom whose what when where why ' +
    'how all any both each few more most other some such no not only own same so too very can will just should ' +
    'would could may might must also however while via using use used based new novel paper work approach ' +
    'method methods propose proposed present show shows results result well one two thus hence'
  ).split(' '),
);

/** Whether a lower-cased token carries topic (not a stopword, not a single character). */
export function isContentToken(token: string): boolean {
  return token.length > 1 && !STOPWORDS.has(token);
}

/** Number of whitespace-separated words (counted without splitting: it runs for every clause cut). */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x3000;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
