import { describe, expect, it } from 'vitest';
import { catalog } from '../testing';
import { runRecognitionEval } from './run';

describe('recognition eval (npm run eval:recognition)', () => {
  const results = runRecognitionEval(catalog.papers);
  const sum = (f: (r: (typeof results)[number]) => number) => results.reduce((n, r) => n + f(r), 0);

  it('finds at least 98% of the planted titles, on every site', () => {
    expect(sum((r) => r.found) / sum((r) => r.planted)).toBeGreaterThanOrEqual(0.98);
    for (const r of results) expect(r.found / r.planted, r.site).toBeGreaterThanOrEqual(0.95);
  });

  it('puts at most one false mark per 200 entries that must stay unmarked', () => {
    expect(sum((r) => r.falseMarks) / sum((r) => r.negatives)).toBeLessThanOrEqual(1 / 200);
  });

  it('covers every site with reconstructed pages, real excerpts, and the saved pages when present', () => {
    const sites = results.map((r) => r.site);
    for (const name of ['Semantic Scholar search 2026 (real excerpt)', 'Reddit (old) 2018 (real excerpt)', 'X timeline 2023 (real excerpt)', 'alphaXiv explore 2026 (real excerpt)', 'arXiv search 2025', 'Google Scholar 2026', 'GitHub README', 'Hacker News', 'Reddit (new)', 'Reddit (old)', 'X timeline', 'Semantic Scholar', 'OpenReview', 'alphaXiv']) {
      expect(sites).toContain(name);
    }
  });
});
