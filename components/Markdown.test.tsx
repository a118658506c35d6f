import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

const html = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

describe('Markdown', () => {
  it('renders paragraphs, emphasis, code, headings and lists', () => {
    const out = html('# Idea\n\nUses **inverted** tokens and *variates*, see `attn`.\n\n- one\n- two\n\n1. first\n2. second');
    expect(out).toContain('<h3 dir="auto">Idea</h3>');
    expect(out).toContain('<strong>inverted</strong>');
    expect(out).toContain('<em>variates</em>');
    expect(out).toContain('<code>attn</code>');
    expect(out).toContain('<ul>\n<li dir="auto">one</li>\n<li dir="auto">two</li>\n</ul>');
    expect(out).toContain('<ol>\n<li dir="auto">first</li>\n<li dir="auto">second</li>\n</ol>');
  });

  it('keeps underscores inside words: learning_rate_decay is a name, not emphasis', () => {
    const out = html('Tune learning_rate_decay and __init__ first; _this_ is emphasis.');
    expect(out).toContain('learning_rate_decay');
    expect(out).toContain('<strong>init</strong>');
    expect(out).toContain('<em>this</em>');
    expect(out).not.toContain('learning<em>');
  });

  it('nests lists', () => {
    const out = html('- datasets\n  - ETTh1\n  - Weather\n- metrics\n  1. MSE\n  2. MAE');
    expect(out).toMatch(/<li dir="auto">datasets\n<ul>\n<li dir="auto">ETTh1<\/li>\n<li dir="auto">Weather<\/li>\n<\/ul>\n<\/li>/);
    expect(out).toMatch(/<li dir="auto">metrics\n<ol>\n<li dir="auto">MSE<\/li>/);
  });

  it('renders > quotes as quotes', () => {
    const out = html('> Attention is all you need.\n> — the authors\n\nI disagree.');
    expect(out).toContain('<blockquote dir="auto">\n<p dir="auto">Attention is all you need.\n— the authors</p>\n</blockquote>');
    expect(out).toContain('<p dir="auto">I disagree.</p>');
  });

  it('keeps fenced code verbatim', () => {
    expect(html('```\nconst a = **1**;\n```')).toBe('<div class="pl-md" dir="auto"><pre><code>const a = **1**;\n</code></pre></div>');
  });

  it('shows HTML as text instead of running it', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)>\n\nA <b>bold</b> claim.');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('A &lt;b&gt;bold&lt;/b&gt; claim.');
  });

  it('links only http(s) URLs and leaves javascript:, data: and relative links inert', () => {
    const out = html(
      '[code](https://github.com/thuml/iTransformer) [bad](javascript:alert(1)) [data](data:text/html,x) [rel](/etc/passwd) <javascript:alert(2)>',
    );
    expect(out).toContain('<a href="https://github.com/thuml/iTransformer" target="_blank" rel="noopener noreferrer">code</a>');
    expect(out).not.toMatch(/href="(?!https:\/\/github)/);
    expect(out).toContain('<span class="pl-md__inert">bad</span>');
    expect(out).toContain('<span class="pl-md__inert">data</span>');
    expect(out).toContain('<span class="pl-md__inert">rel</span>');
  });

  it('links bare URLs', () => {
    expect(html('see https://arxiv.org/abs/2310.06625.')).toContain('<a href="https://arxiv.org/abs/2310.06625" target="_blank" rel="noopener noreferrer">');
  });

  it('shows images as links instead of fetching them', () => {
    const out = html('![the plot](https://example.org/plot.png) ![x](javascript:alert(1))');
    expect(out).not.toContain('<img');
    expect(out).toContain('<a href="https://example.org/plot.png" target="_blank" rel="noopener noreferrer">the plot</a>');
    expect(out).toContain('<span class="pl-md__inert">x</span>');
  });

  it('gives each block its own direction, for notes in Hebrew or Arabic', () => {
    const out = html('הרעיון המרכזי: **טוקנים** הפוכים\n\n- نقطة أولى\n\nThen English.');
    expect(out).toContain('<p dir="auto">הרעיון המרכזי: <strong>טוקנים</strong> הפוכים</p>');
    expect(out).toContain('<li dir="auto">نقطة أولى</li>');
    expect(out.startsWith('<div class="pl-md" dir="auto">')).toBe(true);
  });
});
