/** 32-bit FNV-1a over UTF-16 code units: small, deterministic and the same in Node and browsers. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A 64-bit (two independent 32-bit halves) hex digest, for ids and content versions. */
export function hash64(text: string): string {
  const a = fnv1a(text).toString(16).padStart(8, '0');
  const b = fnv1a(text, 0x1b873593).toString(16).padStart(8, '0');
  return a + b;
}
