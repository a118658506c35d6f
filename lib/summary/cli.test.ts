import { describe, expect, it } from 'vitest';
import { processTldrLine } from './cli.ts';

describe('processTldrLine', () => {
  it('emits one {"tldr"} JSON object per valid line', () => {
    const result = processTldrLine(JSON.stringify({ title: 'T', abstract: 'We propose FooNet. It is good.' }));
    expect(result.ok).toBe(true);
    if (result.ok) {
      const parsed = JSON.parse(result.output) as { tldr: string };
      expect(Object.keys(parsed)).toEqual(['tldr']);
      expect(parsed.tldr).toContain('FooNet');
      expect(result.output).not.toContain('\n');
    }
  });

  it('allows a missing title', () => {
    expect(processTldrLine('{"abstract": "We propose FooNet."}').ok).toBe(true);
  });

  it('reports invalid JSON and wrong field types', () => {
    const notJson = processTldrLine('{oops');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.error).toMatch(/invalid JSON/);
    expect(processTldrLine('[1,2]')).toEqual({ ok: false, error: 'expected a JSON object with "title" and "abstract"' });
    expect(processTldrLine('{"abstract": 3}')).toEqual({ ok: false, error: '"abstract" must be a string' });
    expect(processTldrLine('{"abstract": "x", "title": 1}')).toEqual({ ok: false, error: '"title" must be a string' });
  });
});
