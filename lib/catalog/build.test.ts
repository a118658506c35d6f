import { describe, expect, it } from 'vitest';
import { normalizeTitle } from '../match/normalize';
import { buildCatalog, catalogVersion, describePaper, type SeedFile } from './build';
import { paperId } from './id';
import { readSeedDir } from './read-seeds';
import { keyResult, keyResultRepeats, readabilityIssues } from '../summary';

const seeds = readSeedDir('seeds');
const catalog = buildCatalog(seeds);
const byTitle = (start: string) => catalog.papers.find((p) => p.title.startsWith(start))!;

describe('buildCatalog on the real seeds', () => {
  it('has 333 distinct papers, 84 of them linking a GitHub repository', () => {
    expect(catalog.papers).toHaveLength(333);
    expect(new Set(catalog.papers.map((p) => p.id)).size).toBe(333);
    expect(new Set(catalog.papers.map((p) => normalizeTitle(p.title))).size).toBe(333);
    const github = catalog.papers.filter((p) => p.links.some((l) => l.kind === 'code' && l.url.startsWith('https://github.com/')));
    expect(github).toHaveLength(84);
  });

  it('fills every field of every paper', () => {
    for (const p of catalog.papers) {
      expect(p.id).toBe(paperId(p.title));
      expect(p.title.trim()).toBe(p.title);
      expect(p.abstract.length).toBeGreaterThan(150);
      expect(p.tldr.length).toBeGreaterThan(0);
      expect(p.tldr.split(/\s+/).length).toBeLessThanOrEqual(30);
      expect(p.sources.length).toBeGreaterThan(0);
      expect(Array.isArray(p.topics)).toBe(true);
      for (const l of p.links) expect(l.url).toMatch(/^https?:\/\/[^\s]+[^.,;)\]]$/);
    }
  });

  it('merges a paper repeated across files and lists every file', () => {
    const matformer = byTitle('MatFormer: Nested Transformer for Elastic Inference');
    expect(matformer.sources.length).toBeGreaterThan(1);
    expect(catalog.papers.filter((p) => p.title === matformer.title)).toHaveLength(1);
  });

  it('derives links, topics and a TL;DR for a known paper', () => {
    const itransformer = byTitle('iTransformer');
    expect(itransformer.links).toContainEqual({ url: 'https://github.com/thuml/iTransformer', kind: 'code', label: 'thuml/iTransformer' });
    expect(itransformer.topics).toContain('time series');
    const byte = byTitle('ByteTransformer');
    expect(byte.tldr).toContain('ByteTransformer');
    expect(byte.keyResult).toContain('6.13x');
    expect(byte.tldr).not.toContain('6.13x');
    expect(byTitle('Any2Point').topics.length).toBeGreaterThan(0);
  });

  it('gives every paper a TL;DR that reads on its own (no outside references, dangling ends or lowercased names)', () => {
    const unreadable = catalog.papers
      .map((p) => ({ title: p.title, tldr: p.tldr, issues: readabilityIssues(p.tldr, p.abstract) }))
      .filter((p) => p.issues.length > 0);
    expect(unreadable).toEqual([]);
  });

  it('never shows a key result that repeats the TL;DR, and keeps those that add to it', () => {
    for (const p of catalog.papers) {
      if (p.keyResult !== null) expect(keyResultRepeats(p.keyResult, p.tldr)).toBe(false);
    }
    const withheld = catalog.papers.filter((p) => p.keyResult === null && keyResult(p.abstract, p.title) !== null);
    expect(withheld.length).toBeGreaterThan(0);
    expect(catalog.papers.filter((p) => p.keyResult !== null).length).toBeGreaterThan(100);
  });

  it('is deterministic and independent of file order, with a content-derived version', () => {
    const again = buildCatalog([...seeds].reverse());
    expect(again).toEqual(catalog);
    expect(catalog.version).toMatch(/^[0-9a-f]{16}$/);
    expect(catalog.version).toBe(catalogVersion(catalog.papers));
  });

  it('changes the version when a paper changes, and keeps ids', () => {
    const edited: SeedFile[] = seeds.map((f) => ({ ...f, text: f.text.replaceAll('by 6.13x', 'by 7.13x') }));
    const next = buildCatalog(edited);
    expect(next.version).not.toBe(catalog.version);
    expect(next.papers.map((p) => p.id)).toEqual(catalog.papers.map((p) => p.id));
  });

  it('fails the build on a malformed seed with its file and line', () => {
    const broken: SeedFile[] = [...seeds, { name: '005_broken.txt', text: 'A Title Without Abstract\n\nAnother title\n' }];
    expect(() => buildCatalog(broken)).toThrow(/^005_broken\.txt:3:/);
  });
});

describe('describePaper', () => {
  it('shows TeX as plain text and cleans it only once, so escaped dollars stay dollars', () => {
    const paper = describePaper(
      'CheapNet: Cheaper Inference',
      'We present \\textit{CheapNet}. Our model improves accuracy by 3.5\\% and costs \\$5 instead of \\$20 per run.',
    );
    expect(paper.abstract).toBe('We present CheapNet. Our model improves accuracy by 3.5% and costs $5 instead of $20 per run.');
    expect(paper.tldr).toContain('$5 instead of $20');
    // The TL;DR already says it, so the card shows one line.
    expect(paper.keyResult).toBeNull();
  });

  it('keeps the key result when it adds to the TL;DR', () => {
    const paper = describePaper(
      'CheapNet: Cheaper Inference',
      'Inference is expensive. We present CheapNet, a method that prunes attention heads during decoding for cheaper serving of language models. ' +
        'Experiments show that our model improves accuracy by 3.5\\% and costs \\$5 instead of \\$20 per run.',
    );
    expect(paper.tldr).not.toContain('3.5%');
    expect(paper.keyResult).toBe('our model improves accuracy by 3.5% and costs $5 instead of $20 per run');
  });
});
