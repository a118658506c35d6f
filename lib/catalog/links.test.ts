import { describe, expect, it } from 'vitest';
import { classifyLink, cleanUrl, extractLinks, linkLabel } from './links';

describe('cleanUrl', () => {
  it.each([
    ['https://github.com/thuml/iTransformer.', 'https://github.com/thuml/iTransformer'],
    ['https://github.com/huawei-noah/CV-Backbones,', 'https://github.com/huawei-noah/CV-Backbones'],
    ['https://github.com/yitu-opensource/T2T-ViT)', 'https://github.com/yitu-opensource/T2T-ViT'],
    ['https://github.com/luoyuanlab/Clinical-Longformer]', 'https://github.com/luoyuanlab/Clinical-Longformer'],
    ['https://hf.co/yikuan8/Clinical-Longformer].', 'https://hf.co/yikuan8/Clinical-Longformer'],
    ['https://www.ethnologue.com/guides/ethnologue200),', 'https://www.ethnologue.com/guides/ethnologue200'],
    ['https://github.com/AVC2-UESTC/CRAFT-SR.git.', 'https://github.com/AVC2-UESTC/CRAFT-SR.git'],
    ['https://en.wikipedia.org/wiki/Transformer_(deep_learning)', 'https://en.wikipedia.org/wiki/Transformer_(deep_learning)'],
    ['https://en.wikipedia.org/wiki/Transformer_(deep_learning)).', 'https://en.wikipedia.org/wiki/Transformer_(deep_learning)'],
    ['github.com/user/repo;', 'https://github.com/user/repo'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanUrl(raw)).toBe(clean);
  });
});

describe('classifyLink and linkLabel', () => {
  it('classifies repositories on the code hosts as code', () => {
    expect(classifyLink('https://github.com/thuml/iTransformer')).toBe('code');
    expect(classifyLink('https://gitee.com/mindspore/models/tree/master/research/cv/TNT')).toBe('code');
    expect(classifyLink('https://gitlab.com/group/project')).toBe('code');
    expect(classifyLink('https://github.com/thuml')).toBe('other');
  });

  it('classifies project pages and everything else', () => {
    expect(classifyLink('https://dit-policy.github.io')).toBe('project');
    expect(classifyLink('https://chrisjuniorli.github.io/project/VMFormer/')).toBe('project');
    expect(classifyLink('https://huggingface.co/bigscience')).toBe('other');
    expect(classifyLink('not a url')).toBe('other');
  });

  it('labels repositories as owner/repo without .git', () => {
    expect(linkLabel('https://github.com/AVC2-UESTC/CRAFT-SR.git')).toBe('AVC2-UESTC/CRAFT-SR');
    expect(linkLabel('https://github.com/microsoft/Cream/tree/main/TinyViT')).toBe('microsoft/Cream');
    expect(linkLabel('https://dit-policy.github.io/')).toBe('dit-policy.github.io');
  });
});

describe('extractLinks', () => {
  it('finds every URL in an abstract, cleaned and de-duplicated, in order', () => {
    const text =
      'Code is at https://github.com/whlzy/FiT. See also (https://github.com/yitu-opensource/T2T-ViT) and ' +
      'our page https://res-adapter.github.io, or https://github.com/whlzy/FiT again.';
    expect(extractLinks(text)).toEqual([
      { url: 'https://github.com/whlzy/FiT', kind: 'code', label: 'whlzy/FiT' },
      { url: 'https://github.com/yitu-opensource/T2T-ViT', kind: 'code', label: 'yitu-opensource/T2T-ViT' },
      { url: 'https://res-adapter.github.io', kind: 'project', label: 'res-adapter.github.io' },
    ]);
  });

  it('returns nothing for text without links', () => {
    expect(extractLinks('We propose a transformer. It works on e.g. ImageNet.')).toEqual([]);
  });
});
