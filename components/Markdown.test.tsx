import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

const html = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

describe('Markdown', () => {
  it('renders paragraphs, emphasis, code, headings and lists', () => {
    const out = html('# Idea\n\nUses **inverted** tokens and *variates*, see `attn`.\n\n- one\n- two\n\n1. first\n2. second');
    expect(out).toContain('<h3>Idea</h3>');
    expect(out).toContain('<strong>inverted</strong>');
    expect(out).toContain('<em>variates</em>');
    expect(out).toContain('<code>attn</code>');
    expect(out).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(out).toContain('<ol><li>first</li><li>second</li></ol>');
  });

  it('keeps fenced code verbatim', () => {
    expect(html('```\nconst a = **1**;\n```')).toBe('<div class="pl-md"><pre><code>const a = **1**;</code></pre></div>');
  });

  it('shows HTML as text instead of running it', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('links only http(s) URLs and leaves javascript: links inert', () => {
    const out = html('[code](https://github.com/thuml/iTransformer) [bad](javascript:alert(1)) [data](data:text/html,x)');
    expect(out).toContain('<a href="https://github.com/thuml/iTransformer" target="_blank" rel="noopener noreferrer">code</a>');
    expect(out).not.toContain('href="javascript');
    expect(out).not.toContain('href="data');
    expect(out).toContain('[bad](javascript:alert(1))');
  });

  it('links bare URLs', () => {
    expect(html('see https://arxiv.org/abs/2310.06625.')).toContain('<a href="https://arxiv.org/abs/2310.06625"');
  });
});
