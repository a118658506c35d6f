import { describe, expect, it } from 'vitest';
import { contributionSentenceBaseline, evaluate, firstSentenceBaseline, parseScitldrLine, splitOf } from './eval.ts';

const line = JSON.stringify({
  paper_id: 'abc',
  title: 'T',
  source: ['Background is long.', 'In this paper we propose X.'],
  source_labels: [0, 1],
  rouge_scores: [0.1, 0.9],
  target: ['we propose x', 'something else'],
});

describe('parseScitldrLine', () => {
  it('joins the source sentences and ignores gold annotations', () => {
    const paper = parseScitldrLine(line);
    expect(paper).toEqual({ paperId: 'abc', title: 'T', abstract: 'Background is long. In this paper we propose X.', targets: ['we propose x', 'something else'] });
  });
});

describe('splitOf', () => {
  it('is deterministic and uses both halves', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `paper${i}`);
    expect(ids.map(splitOf)).toEqual(ids.map(splitOf));
    const a = ids.filter((id) => splitOf(id) === 'a').length;
    expect(a).toBeGreaterThan(30);
    expect(a).toBeLessThan(70);
  });
});

describe('evaluate', () => {
  it('averages the best F1 over targets, ×100', () => {
    const paper = parseScitldrLine(line);
    expect(contributionSentenceBaseline(paper)).toBe('In this paper we propose X.');
    expect(firstSentenceBaseline(paper)).toBe('Background is long.');
    const result = evaluate([paper], () => 'We propose X.');
    expect(result.r1).toBeCloseTo(100);
    expect(result.meanWords).toBe(3);
    expect(evaluate([paper], firstSentenceBaseline).r1).toBe(0);
  });
});
