/**
 * Acronyms and coined names in a title ("ByteTransformer", "MMA", "DS-Softmax"), in title
 * order: the names a TL;DR keeps in parentheses and a key result may use as its subject.
 */
export function titleNames(title: string): string[] {
  const names: string[] = title.match(/[\p{L}\p{N}-]*[\p{Ll}\p{N}][\p{Lu}][\p{L}\p{N}-]*|\b\p{Lu}[\p{Lu}\p{N}-]+\b/gu) ?? [];
  // "DAFormer: Improving …": the word before a subtitle colon is the name, whatever its casing.
  const lead = /^([\p{L}\p{N}][\p{L}\p{N}+-]{1,39}):\s/u.exec(title)?.[1];
  return lead === undefined || names.includes(lead) ? names : [lead, ...names];
}
