import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { expectSavePaperInput } from '../messaging/validate';
import { isPaperPage, readPageMetadata, readVisit } from './page-metadata';

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

describe('what an opened page tells the reading history', () => {
  it.skipIf(!existsSync(ARXIV_ABS))('an arXiv abstract page: its id, title, authors and abstract', () => {
    const visit = readVisit(doc(readFileSync(ARXIV_ABS, 'utf8')), 'https://arxiv.org/abs/2106.09608v2?context=cs');
    expect(visit).toMatchObject({
      url: 'https://arxiv.org/abs/2106.09608v2',
      arxivId: '2106.09608',
      title: 'Learning Knowledge Graph-based World Models of Textual Environments',
      authors: ['Ammanabrolu, Prithviraj', 'Riedl, Mark O.'],
    });
    expect(visit?.abstract).toMatch(/^World models improve/);
  });

  it('a PDF: its id and address only', () => {
    expect(readVisit(doc('<html><body><embed type="application/pdf"></body></html>'), 'https://arxiv.org/pdf/2106.09608v2.pdf')).toEqual({
      url: 'https://arxiv.org/pdf/2106.09608v2.pdf',
      arxivId: '2106.09608',
    });
    expect(readVisit(doc(''), 'http://export.arxiv.org/pdf/hep-th/9901001v1')).toEqual({
      url: 'http://export.arxiv.org/pdf/hep-th/9901001v1',
      arxivId: 'hep-th/9901001',
    });
  });

  it("the HTML view: the document's title heading", () => {
    const html = '<article class="ltx_document"><h1 class="ltx_title ltx_title_document">xLSTM: Extended\n  Long Short-Term Memory</h1></article>';
    expect(readVisit(doc(html), 'https://arxiv.org/html/2405.04517v1')).toEqual({
      url: 'https://arxiv.org/html/2405.04517v1',
      arxivId: '2405.04517',
      title: 'xLSTM: Extended Long Short-Term Memory',
    });
  });

  it('Hugging Face and alphaXiv paper pages', () => {
    expect(readVisit(doc(HF_PAGE), 'https://huggingface.co/papers/2405.04517')).toMatchObject({
      arxivId: '2405.04517',
      title: 'xLSTM: Extended Long Short-Term Memory',
    });
    expect(readVisit(doc('<h1>Anything</h1>'), 'https://www.alphaxiv.org/abs/2405.04517')).toEqual({
      url: 'https://www.alphaxiv.org/abs/2405.04517',
      arxivId: '2405.04517',
    });
  });

  it('nothing on listings, search, other sites or pages without an id', () => {
    for (const href of [
      'https://arxiv.org/list/cs.LG/new',
      'https://arxiv.org/search/?query=x',
      'https://arxiv.org/a/doe_j_1',
      'https://huggingface.co/papers',
      'https://huggingface.co/papers?date=2024-07-31',
      'https://www.alphaxiv.org/',
      'https://doi.org/10.48550/arXiv.2405.04517',
      'https://example.org/abs/2405.04517',
      'https://arxiv.org/abs/not-an-id',
      'not a url',
    ]) {
      expect(readVisit(doc(HF_PAGE), href)).toBeNull();
    }
  });
});
