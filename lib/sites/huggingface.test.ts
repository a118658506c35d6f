import { describe, expect, it } from 'vitest';
import { huggingface } from './huggingface';
import { hasSharedPages, paper, scanPage, sharedPage } from './testing';

const autoformer = paper('Autoformer');

describe('Hugging Face papers adapter', () => {
  it('runs on the papers pages only', () => {
    expect(huggingface.matches(new URL('https://huggingface.co/papers'))).toBe(true);
    expect(huggingface.matches(new URL('https://huggingface.co/papers/2407.21783'))).toBe(true);
    expect(huggingface.matches(new URL('https://huggingface.co/models'))).toBe(false);
  });

  it.skipIf(!hasSharedPages)('marks a planted title once, though it also sits in the JSON data-props', () => {
    // Planted everywhere the title occurs: the visible link and the hidden JSON attribute.
    const html = sharedPage('hf-papers-2024.html').replaceAll('The Llama 3 Herd of Models', autoformer.title);
    expect(html.split(autoformer.title).length - 1).toBeGreaterThan(1);
    const { marks, ids } = scanPage(html, huggingface);
    expect(ids).toEqual([autoformer.id]);
    expect(marks[0]!.matches('h3 > a[href^="/papers/"]')).toBe(true);
  });

  it.skipIf(!hasSharedPages)('leaves the real daily list unmarked', () => {
    const { ids, scan } = scanPage(sharedPage('hf-papers-2024.html'), huggingface);
    expect(scan.blocks.length).toBeGreaterThanOrEqual(13);
    expect(ids).toEqual([]);
  });
});
