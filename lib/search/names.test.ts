import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/rng';
import { collapseSpaces, inflateInBackground, NAME_BLOCK, PaperNames, PaperNamesBuilder } from './names';

function randomNames(seed: number, count: number): { ids: string[]; titles: string[] } {
  const rand = rng(seed);
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 8) }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join('');
  const ids = new Set<string>();
  while (ids.size < count) ids.add(`${word()}-${word()}-${Math.floor(rand() * 1e8).toString(16)}`);
  const sorted = [...ids].sort();
  const titles = sorted.map(() => Array.from({ length: 1 + Math.floor(rand() * 12) }, () => (rand() < 0.1 ? 'Ünïcode–τitle' : word())).join(' '));
  return { ids: sorted, titles };
}

describe('PaperNames', () => {
  it('gives back every id and title after a stored round trip, inflating blocks only when asked', async () => {
    for (const count of [0, 1, NAME_BLOCK - 1, NAME_BLOCK, NAME_BLOCK + 1, 2 * NAME_BLOCK + 17]) {
      const { ids, titles } = randomNames(count + 1, count);
      const stored = structuredClone(PaperNames.build(ids, titles).serialize());
      const names = new PaperNames(stored, count);
      expect(names.pendingBlocks).toBe(Math.ceil(count / NAME_BLOCK));
      if (count > NAME_BLOCK) {
        expect(names.title(count - 1)).toBe(titles[count - 1]);
        expect(names.pendingBlocks).toBe(Math.ceil(count / NAME_BLOCK) - 1);
      }
      expect(Array.from({ length: count }, (_, o) => names.id(o))).toEqual(ids);
      expect(Array.from({ length: count }, (_, o) => names.title(o))).toEqual(titles);
      expect(names.pendingBlocks).toBe(0);
    }
    // Deflating a few thousand names: seconds on a loaded machine.
  }, 30_000);

  it('finds the ordinal of every id and no ordinal for ids it does not hold', async () => {
    const { ids, titles } = randomNames(5, 3 * NAME_BLOCK + 3);
    const names = new PaperNames(structuredClone(PaperNames.build(ids, titles).serialize()), ids.length);
    const rand = rng(6);
    for (let i = 0; i < 500; i++) {
      const o = Math.floor(rand() * ids.length);
      expect(names.ordinalOf(ids[o]!)).toBe(o);
      // Between two held ids, before the first, after the last.
      expect(names.ordinalOf(`${ids[o]!}0`)).toBe(ids[o + 1] === `${ids[o]!}0` ? o + 1 : undefined);
    }
    expect(names.ordinalOf('')).toBeUndefined();
    expect(names.ordinalOf('\uffff')).toBeUndefined();
  });

  it('inflates the rest in the background', async () => {
    const { ids, titles } = randomNames(7, 4 * NAME_BLOCK);
    const names = new PaperNames(PaperNames.build(ids, titles).serialize(), ids.length);
    inflateInBackground(names, 1);
    for (let i = 0; i < 50 && names.pendingBlocks > 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(names.pendingBlocks).toBe(0);
    expect(names.title(3 * NAME_BLOCK)).toBe(titles[3 * NAME_BLOCK]);
  });

  it('refuses stored names that do not fit the paper count', async () => {
    const { ids, titles } = randomNames(8, NAME_BLOCK + 1);
    const stored = PaperNames.build(ids, titles).serialize();
    expect(() => new PaperNames(stored, 3 * NAME_BLOCK)).toThrow(/holds 2 name blocks for 3072 papers/);
  });

  it('deflates each block as its papers arrive: every block is its ids then titles, one a line, as fflate inflates it', () => {
    const { ids, titles } = randomNames(9, 2 * NAME_BLOCK + 300);
    const builder = new PaperNamesBuilder();
    ids.forEach((id, i) => builder.add(id, titles[i]!));
    const { blocks, offsets, firstIds } = builder.finish().serialize();
    expect(offsets.length).toBe(4);
    expect(firstIds.split('\n')).toEqual([ids[0], ids[NAME_BLOCK], ids[2 * NAME_BLOCK]]);
    for (let b = 0; b < 3; b++) {
      const from = b * NAME_BLOCK;
      const to = Math.min(ids.length, from + NAME_BLOCK);
      const text = `${ids.slice(from, to).join('\n')}\n${titles.slice(from, to).join('\n')}`;
      const deflated = blocks.subarray(offsets[b]!, offsets[b + 1]!);
      expect(deflated.length).toBeLessThan(new TextEncoder().encode(text).length);
      expect(new TextDecoder().decode(inflateSync(deflated))).toBe(text);
    }
  });

  it('stores titles with white space collapsed, so each stays one line', () => {
    const titles = ['Line\nbreak', ' Tabs\tand  runs ', 'No\u00a0break\u2003space', 'Plain title'];
    const ids = titles.map((_, i) => `id-${i}`);
    const names = new PaperNames(structuredClone(PaperNames.build(ids, titles).serialize()), ids.length);
    expect(titles.map((_, o) => names.title(o))).toEqual(titles.map((t) => t.replace(/\s+/g, ' ')));
  });
});

describe('collapseSpaces', () => {
  it('is replace(/\\s+/g, " ") for every UTF-16 unit, alone, doubled and beside a space', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}b`, `a${ch}${ch}b`, `a ${ch}b`, `a${ch} b`, ` ${ch}`]) {
        if (collapseSpaces(text) !== text.replace(/\s+/g, ' ')) wrong.push(JSON.stringify(text));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives back the very string when there is nothing to collapse', () => {
    const title = 'Attention Is All You Need';
    expect(collapseSpaces(title)).toBe(title);
    expect(collapseSpaces('')).toBe('');
  });
});
