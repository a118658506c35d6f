import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { expectSavePaperInput } from '../messaging/validate';
import { isPaperPage, readPageMetadata } from './page-metadata';

const ARXIV_ABS = resolve('..', 'shared', 'fixtures', 'pages', 'arxiv-abs-2021.html');
const doc = (html: string) => parseHTML(html).document as unknown as Document;

const HF_PAGE = `<!doctype html><html><head>
<meta property="og:title" content="Paper page - xLSTM: Extended Long Short-Term Memory">
<meta name="description" content="Join the discussion on this paper page">
<meta property="og:description" content="Join the discussion on this paper page">
</head><body><main>
<h1>xLSTM: Extended Long Short-Term Memory</h1>
<h2>Abstract</h2>
<p>In the 1990s, the constant error carousel and gating were introduced as the central ideas of the
Long Short-Term Memory (LSTM). We introduce exponential gating with appropriate normalization.</p>
</main></body></html>`;

describe('reading a paper from its page', () => {
  it.skipIf(!existsSync(ARXIV_ABS))('reads a real arXiv abstract page', () => {
    const meta = readPageMetadata(doc(readFileSync(ARXIV_ABS, 'utf8')), 'https://arxiv.org/abs/2106.09608v2?context=cs');
    expect(meta).toMatchObject({
      title: 'Learning Knowledge Graph-based World Models of Textual Environments',
      arxivId: '2106.09608',
      url: 'https://arxiv.org/abs/2106.09608v2',
      authors: ['Ammanabrolu, Prithviraj', 'Riedl, Mark O.'],
      year: 2021,
      arxivClass: 'cs.LG',
    });
    expect(meta?.abstract).toMatch(/^World models improve a learning agent's ability to efficiently operate in interactive and situated environments\./);
    expect(meta?.abstract).not.toContain('Abstract:');
    expect(meta?.abstract).not.toMatch(/\s{2}|\n/);
    // What the page gives passes the background's validation unchanged.
    expect(expectSavePaperInput(meta)).toEqual(meta);
  });

  it('reads a Hugging Face paper page, skipping its generic description', () => {
    const meta = readPageMetadata(doc(HF_PAGE), 'https://huggingface.co/papers/2405.04517');
    expect(meta).toEqual({
      title: 'xLSTM: Extended Long Short-Term Memory',
      abstract:
        'In the 1990s, the constant error carousel and gating were introduced as the central ideas of the ' +
        'Long Short-Term Memory (LSTM). We introduce exponential gating with appropriate normalization.',
      arxivId: '2405.04517',
      url: 'https://huggingface.co/papers/2405.04517',
    });
  });

  it('prefers citation meta tags over the page body', () => {
    const html = `<head><meta name="citation_title" content="  A   Title
      on two lines "><meta name="citation_abstract" content="${'An abstract long enough to be one. '.repeat(4)}">
      <meta name="citation_publication_date" content="2019-05-01"></head><body><h1>Other</h1></body>`;
    const meta = readPageMetadata(doc(html), 'http://arxiv.org/abs/cs/0102001');
    expect(meta).toEqual({
      title: 'A Title on two lines',
      abstract: 'An abstract long enough to be one. '.repeat(4).trim(),
      arxivId: 'cs/0102001',
      url: 'http://arxiv.org/abs/cs/0102001',
      year: 2019,
    });
  });

  it('takes the title from the title heading, not from an earlier page header', () => {
    const html = '<body><header><h1>Global Survey</h1></header><div id="abs"><h1 class="title"><span class="descriptor">Title:</span>Deep Nets</h1></div></body>';
    expect(readPageMetadata(doc(html), 'https://arxiv.org/abs/2106.09608')?.title).toBe('Deep Nets');
  });

  it('reads nothing on other pages or pages without a title', () => {
    expect(readPageMetadata(doc(HF_PAGE), 'https://huggingface.co/papers')).toBeNull();
    expect(readPageMetadata(doc(HF_PAGE), 'https://arxiv.org/list/cs.LG/new')).toBeNull();
    expect(readPageMetadata(doc('<h1> ?! </h1>'), 'https://arxiv.org/abs/2106.09608')).toBeNull();
    expect(isPaperPage(new URL('https://www.arxiv.org/abs/2106.09608'))).toBe(true);
    expect(isPaperPage(new URL('https://evil.example/abs/2106.09608'))).toBe(false);
  });
});
