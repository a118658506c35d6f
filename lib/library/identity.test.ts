import { describe, expect, it } from 'vitest';
import { arxivIdInText, identityKeys, idsFromAddress, idsFromPlainHref, idsFromUrl, linkMayNameAPaper, normalizeDoi, parseArxivId, parseDoi } from './identity';

describe('parseArxivId', () => {
  it.each([
    ['2403.01234', '2403.01234'],
    ['2403.01234v2', '2403.01234'],
    ['arXiv:2403.01234v12', '2403.01234'],
    ['ARXIV: 2403.01234', '2403.01234'],
    ['  0704.0001  ', '0704.0001'],
    ['1412.6980', '1412.6980'],
    ['1501.00001', '1501.00001'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['hep-th/9901001v3', 'hep-th/9901001'],
    ['HEP-TH/9901001', 'hep-th/9901001'],
    ['math.GT/0309136', 'math/0309136'],
    ['math/0309136', 'math/0309136'],
    ['cs/0112017', 'cs/0112017'],
    ['cs.AI/0112017v1', 'cs/0112017'],
    ['cond-mat.mes-hall/0401001', 'cond-mat/0401001'],
    ['astro-ph/0703999', 'astro-ph/0703999'],
  ])('reads %s as %s', (text, id) => {
    expect(parseArxivId(text)).toBe(id);
  });

  it.each([
    ['2024.12345', 'a year, not YYMM (month 24)'],
    ['1913.01234', 'month 13'],
    ['0703.1234', 'before new-style ids began (April 2007)'],
    ['1501.1234', 'four digits after 2014'],
    ['1412.12345', 'five digits before 2015'],
    ['1706.037621', 'six digits'],
    ['1.2.3', 'a version number'],
    ['v2.0.1', 'a version number'],
    ['10.48550/arXiv.2403.01234', 'a DOI'],
    ['10.1145/3292500.3330701', 'another DOI'],
    ['2017-06-12', 'a date'],
    ['foo/9901001', 'an unknown archive'],
    ['hep-th/9913001', 'month 13 in an old-style id'],
    ['cs/0704001', 'old style after March 2007'],
    ['hep-th/990100', 'six digits in an old-style id'],
    ['', 'nothing'],
    ['arXiv:', 'a bare prefix'],
  ])('refuses %s (%s)', (text) => {
    expect(parseArxivId(text)).toBeNull();
  });
});

describe('arxivIdInText', () => {
  it.each([
    ['arXiv preprint arXiv:1706.03762', '1706.03762'],
    ['arXiv:2005.07513 [cs, stat]', '2005.07513'],
    ['ArXiv e-prints, arXiv:hep-th/9901001v2', 'hep-th/9901001'],
    ['\\url{https://arxiv.org/abs/2403.01234v3}', '2403.01234'],
    ['see http://arxiv.org/pdf/cs/9401101v1', 'cs/9401101'],
    ['https://arxiv.org/pdf/2403.01234.pdf', '2403.01234'],
  ])('finds the id in %s', (text, id) => {
    expect(arxivIdInText(text)).toBe(id);
  });

  it('finds nothing in prose without an arXiv label', () => {
    expect(arxivIdInText('Advances in Neural Information Processing Systems 30, 2017.0612')).toBeNull();
    expect(arxivIdInText('arXiv:1706.037621')).toBeNull();
  });
});

describe('parseDoi / normalizeDoi', () => {
  it.each([
    ['10.1145/3292500.3330701', '10.1145/3292500.3330701'],
    ['https://doi.org/10.1145/3292500.3330701', '10.1145/3292500.3330701'],
    ['http://dx.doi.org/10.1073/pnas.072079499', '10.1073/pnas.072079499'],
    ['doi:10.1016/J.ENPOL.2017.04.030', '10.1016/j.enpol.2017.04.030'],
    ['DOI: 10.1016/j.enpol.2017.04.030.', '10.1016/j.enpol.2017.04.030'],
    ['https://doi.org/10.1007%2F978-3-540-89689-0_23', '10.1007/978-3-540-89689-0_23'],
    ['(doi:10.1000/xyz123)', null],
    ['10.1016/0370-2693(83)90193-6', '10.1016/0370-2693(83)90193-6'],
    ['10.23638/LMCS-15(1:20)2019', '10.23638/lmcs-15(1:20)2019'],
    ['doi:10.1000/xyz123)', '10.1000/xyz123'],
    ['not a doi', null],
    ['10.12/too-short-registrant', null],
    ['https://example.org/10.1145/x', null],
    ['', null],
  ])('reads %s as %s', (text, doi) => {
    expect(normalizeDoi(text)).toBe(doi);
  });

  it("yields the arXiv id of arXiv's own DOIs", () => {
    expect(parseDoi('10.48550/arXiv.2403.01234')).toEqual({ doi: '10.48550/arxiv.2403.01234', arxivId: '2403.01234' });
    expect(parseDoi('https://doi.org/10.48550/ARXIV.1706.03762')).toEqual({
      doi: '10.48550/arxiv.1706.03762',
      arxivId: '1706.03762',
    });
    expect(parseDoi('10.48550/arXiv.hep-th/9901001')?.arxivId).toBe('hep-th/9901001');
    expect(parseDoi('10.1145/3292500.3330701')).toEqual({ doi: '10.1145/3292500.3330701' });
  });
});

describe('idsFromUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2403.01234', { arxivId: '2403.01234' }],
    ['https://arxiv.org/abs/2403.01234v2', { arxivId: '2403.01234' }],
    ['http://arxiv.org/abs/2403.01234v2?context=cs.LG', { arxivId: '2403.01234' }],
    ['https://arxiv.org/abs/2403.01234#S3', { arxivId: '2403.01234' }],
    ['https://arxiv.org/abs/2403.01234/', { arxivId: '2403.01234' }],
    ['https://www.arxiv.org/abs/2403.01234', { arxivId: '2403.01234' }],
    ['https://export.arxiv.org/abs/2403.01234', { arxivId: '2403.01234' }],
    ['https://arxiv.org/pdf/2403.01234', { arxivId: '2403.01234' }],
    ['https://arxiv.org/pdf/2403.01234v2', { arxivId: '2403.01234' }],
    ['https://arxiv.org/pdf/2403.01234v2.pdf', { arxivId: '2403.01234' }],
    ['https://arxiv.org/pdf/2403.01234.pdf#page=3', { arxivId: '2403.01234' }],
    ['https://arxiv.org/html/2403.01234v1', { arxivId: '2403.01234' }],
    ['https://arxiv.org/html/2403.01234v1/', { arxivId: '2403.01234' }],
    ['arxiv.org/abs/1706.03762', { arxivId: '1706.03762' }],
    ['https://arxiv.org/abs/hep-th/9901001', { arxivId: 'hep-th/9901001' }],
    ['https://arxiv.org/abs/hep-th/9901001v2', { arxivId: 'hep-th/9901001' }],
    ['https://arxiv.org/abs/hep-th%2F9901001', { arxivId: 'hep-th/9901001' }],
    ['http://arxiv.org/pdf/cs/9401101v1', { arxivId: 'cs/9401101' }],
    ['https://arxiv.org/pdf/math.GT/0309136.pdf', { arxivId: 'math/0309136' }],
    ['https://export.arxiv.org/abs/math/0309136v1', { arxivId: 'math/0309136' }],
    ['https://www.alphaxiv.org/abs/2403.01234', { arxivId: '2403.01234' }],
    ['https://alphaxiv.org/abs/2403.01234v3', { arxivId: '2403.01234' }],
    ['https://www.alphaxiv.org/overview/2403.01234', { arxivId: '2403.01234' }],
    ['https://huggingface.co/papers/2403.01234', { arxivId: '2403.01234' }],
    ['https://huggingface.co/papers/2403.01234#community', { arxivId: '2403.01234' }],
    ['https://doi.org/10.1145/3292500.3330701', { doi: '10.1145/3292500.3330701' }],
    ['https://dx.doi.org/10.1073/pnas.072079499', { doi: '10.1073/pnas.072079499' }],
    ['http://doi.org/10.1007%2F978-3-540-89689-0_23', { doi: '10.1007/978-3-540-89689-0_23' }],
    ['https://doi.org/10.48550/arXiv.2403.01234', { doi: '10.48550/arxiv.2403.01234', arxivId: '2403.01234' }],
  ])('reads %s', (url, ids) => {
    expect(idsFromUrl(url)).toEqual(ids);
  });

  it.each([
    'https://arxiv.org/list/cs.LG/new',
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/2024.12345',
    'https://arxiv.org/a/vaswani_a_1',
    'https://example.org/abs/2403.01234',
    'https://huggingface.co/models/2403.01234',
    'https://huggingface.co/papers',
    'https://doi.org/',
    'https://doi.org/about',
    'ftp://arxiv.org/abs/2403.01234',
    'javascript:alert(1)',
    'not a url at all',
    '',
    '%%%',
    'https://arxiv.org/abs/%E0%A4%A',
    'http://[::1',
  ])('finds nothing in %s', (url) => {
    expect(idsFromUrl(url)).toBeNull();
  });
});

describe('linkMayNameAPaper', () => {
  /** What a page scan does with a link: the address the browser resolves it to. */
  const named = (href: string, page: string) => {
    try {
      return idsFromUrl(new URL(href, page).href) !== null;
    } catch {
      return false;
    }
  };
  const pages = ['https://arxiv.org/list/cs.LG/new', 'https://www.alphaxiv.org/explore', 'https://news.ycombinator.com/item?id=1', 'https://github.com/a/b'];
  const hrefs = [
    'https://arxiv.org/abs/2403.01234',
    'HTTPS://ARXIV.ORG/abs/2403.01234',
    '//arxiv.org/pdf/2403.01234v2',
    'https://www.alphaxiv.org/abs/2403.01234',
    'https://huggingface.co/papers/2403.01234',
    'https://dx.doi.org/10.1073/pnas.072079499',
    'http://doi.org/10.1007%2F978-3-540-89689-0_23',
    '/abs/2403.01234',
    'abs/2403.01234',
    '../pdf/2403.01234',
    '/overview/2403.01234',
    '/a/vaswani_a_1',
    'https://github.com/a/b',
    '/item?id=2',
    'mailto:someone@example.org',
    'javascript:void(0)',
    '#top',
    '\\\\arxiv.org\\abs\\2403.01234',
  ];
  it.each(pages)('never misses a link that names a paper, on %s', (page) => {
    const host = new URL(page).hostname;
    for (const href of hrefs) if (named(href, page)) expect(linkMayNameAPaper(href, host), href).toBe(true);
  });

  it('turns away the links that cannot: other hosts, relative links off the paper sites, other schemes', () => {
    expect(linkMayNameAPaper('https://github.com/a/b', 'news.ycombinator.com')).toBe(false);
    expect(linkMayNameAPaper('/item?id=2', 'news.ycombinator.com')).toBe(false);
    expect(linkMayNameAPaper('mailto:someone@example.org', 'arxiv.org')).toBe(false);
    expect(linkMayNameAPaper('//example.org/abs/2403.01234', 'arxiv.org')).toBe(false);
    // On arXiv itself a relative link may be an abstract (read further by idsFromUrl).
    expect(linkMayNameAPaper('/a/vaswani_a_1', 'www.arxiv.org')).toBe(true);
  });
});

describe('identityKeys', () => {
  it('lists arXiv, DOI and normalized-title keys', () => {
    expect(
      identityKeys({ title: 'Attention Is {All} You Need', arxivId: 'arXiv:1706.03762v5', doi: 'https://doi.org/10.5555/3295222.3295349' }),
    ).toEqual(['arxiv:1706.03762', 'doi:10.5555/3295222.3295349', 'title:attention is all you need']);
  });

  it("derives the arXiv key from arXiv's DOI, so the two spellings meet", () => {
    expect(identityKeys({ doi: '10.48550/arXiv.1706.03762' })).toEqual(['arxiv:1706.03762', 'doi:10.48550/arxiv.1706.03762']);
  });

  it('skips ids that do not parse and titles without letters', () => {
    expect(identityKeys({ title: ' — ', arxivId: 'not-an-id', doi: 'nope' })).toEqual([]);
  });
});

describe('idsFromPlainHref', () => {
  it('reads a plain path from the root as the URL resolved on the page would be read, and leaves the rest to URL', () => {
    const hrefs = [
      '/abs/2301.09637', '/pdf/2301.09637v2', '/html/2301.09637v1/', '/abs/cs/0101001', '/pdf/2301.09637.pdf',
      '/abs/2313.09637', '/abs/0703.1234', '/abs/1412.12345', '/abs/1501.1234', '/html/2301.09637v12', '/ABS/2301.09637',
      '/a/smith_j_1', '/list/cs.LG/new', '/abs/a..b', '/papers/2301.09637', '/10.48550/arXiv.2301.09637',
    ];
    for (const host of ['arxiv.org', 'www.arxiv.org', 'huggingface.co', 'doi.org', 'example.org']) {
      for (const href of hrefs) {
        expect(idsFromPlainHref(href, host), `${href} on ${host}`).toEqual(idsFromAddress(new URL(href, `https://${host}/`)));
      }
    }
    expect(idsFromPlainHref('/abs/2301.09637', 'arxiv.org')).toEqual({ arxivId: '2301.09637' });
    for (const href of ['/abs/../2301.09637', '/abs/./x', '//arxiv.org/abs/2301.09637', '/abs/2301.09637?v=2', '/abs/%32301.09637', '/abs\\2301.09637', 'abs/2301.09637', '/abs/.x']) {
      expect(idsFromPlainHref(href, 'arxiv.org'), href).toBeUndefined();
    }
  });

  it('reads a plain absolute http(s) address as URL would, whatever the page, and leaves the rest to URL', () => {
    const hrefs = [
      'http://arxiv.org/abs/2301.09637v1', 'https://arxiv.org/pdf/2301.09637v1', 'HTTPS://ARXIV.ORG/abs/2301.09637',
      'https://www.arxiv.org/abs/hep-th/9901001', 'https://export.arxiv.org/abs/2301.09637', 'https://arxiv.org/a/smith_j_1',
      'https://huggingface.co/papers/2301.09637', 'https://doi.org/10.48550/arXiv.2301.09637', 'https://alphaxiv.org/abs/2301.09637',
      'https://example.org/abs/2301.09637', 'http://arxiv.org/', 'https://sub.arxiv.org/abs/2301.09637',
      'http://export.arxiv.org/pdf/2301.09637v3', 'https://www.arxiv.org/html/2301.09637', 'https://arxiv.org/abs/2313.09637',
      'https://arxiv.org/abs/1412.12345', 'http://www.export.arxiv.org/abs/2301.09637', 'https://alphaxiv.org/abs/2301.09637v2',
    ];
    for (const host of ['arxiv.org', 'example.org']) {
      for (const href of hrefs) {
        const plain = idsFromPlainHref(href, host);
        expect(plain, href).not.toBeUndefined();
        expect(plain, `${href} on ${host}`).toEqual(idsFromAddress(new URL(href, `https://${host}/`)));
      }
    }
    for (const href of [
      'https://arxiv.org', 'https://arxiv.org:443/abs/2301.09637', 'https://user@arxiv.org/abs/2301.09637', 'https:/arxiv.org/abs/2301.09637',
      'https://arxiv.org/abs/2301.09637#x', 'https://arxiv.org/abs/2301.09637?v=1', 'https://arxiv.org/abs/../2301.09637',
      'https://arxiv.org//abs/2301.09637', 'https://ar%78iv.org/abs/2301.09637', 'ftp://arxiv.org/abs/2301.09637', ' https://arxiv.org/abs/2301.09637',
    ]) {
      expect(idsFromPlainHref(href, 'arxiv.org'), href).toBeUndefined();
    }
  });
});
