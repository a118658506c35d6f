import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanProse } from '../text';
import { decodeAccents, plainNames, plainText, readBibtex } from './bibtex';
import { fixture, readAll } from './testing';

const read = (text: string) => readAll(readBibtex, text);

/** What bibtex-parser itself makes of one field when given the whole value at once (the slow path). */
function libraryField(name: 'abstract' | 'author', tex: string) {
  const fields = parse(`@misc{x, ${name} = {${tex}}}`, { sentenceCase: false }).entries[0]!.fields;
  return fields;
}

describe('readBibtex on real exports', () => {
  it('reads a Zotero Better BibLaTeX export', () => {
    const { entries, problems } = read(fixture('zotero-better-biblatex.bib'));
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.line)).toEqual([1, 18, 31, 50]);
    const [abdolmaleki, abramson, akyurek, bai] = entries;
    expect(abdolmaleki).toMatchObject({
      title: 'A Distributional View on Multi-Objective Policy Optimization',
      year: 2020,
      arxivId: '2005.07513',
      url: 'http://arxiv.org/abs/2005.07513',
      key: 'abdolmalekiDistributionalViewMultiObjective2020',
    });
    expect(abdolmaleki!.authors).toHaveLength(10);
    expect(abdolmaleki!.authors.slice(0, 2)).toEqual(['Abbas Abdolmaleki', 'Sandy H. Huang']);
    expect(abdolmaleki!.tags).toContain('Computer Science - Robotics');
    expect(abdolmaleki!.abstract).toMatch(/^Many real-world problems require trading off .* space of nondominated solutions\.$/);
    // @article with only arXiv's DOI and a versioned URL.
    expect(abramson).toMatchObject({ doi: '10.48550/arxiv.2211.11602', arxivId: '2211.11602', year: 2022 });
    expect(abramson!.authors).toContain('Tamara von Glehn');
    expect(abramson!.abstract).toMatch(/found at https:\/\/youtu\.be\/v_Z9F2_eKk4\.$/);
    expect(akyurek!.authors[0]).toBe('Ekin Akyürek'.normalize('NFC'));
    expect(akyurek!.title).toBe('What Learning Algorithm Is In-Context Learning? Investigations with Linear Models');
    expect(akyurek!.abstract).toContain('labeled examples $(x, f(x))$ presented');
    // 31 authors: the name list is read in pieces; nobody is lost or split.
    expect(bai!.authors).toHaveLength(31);
    expect(bai!.authors.slice(-2)).toEqual(['Ben Mann', 'Jared Kaplan']);
    expect(bai!.doi).toBeUndefined();
  });

  it('reads a Mendeley export: TeX accents in keywords, month macros, old-style arXiv URLs, escaped URLs', () => {
    const { entries, problems } = read(fixture('mendeley.bib'));
    expect(problems).toEqual([]);
    const [janousek, nguyen, nilsson, lowry] = entries;
    expect(janousek!.tags).toContain('stämpfli');
    expect(janousek!.authors).toEqual(['Janousek']);
    expect(nguyen).toMatchObject({
      title: 'Model learning for robot control: a survey.',
      authors: ['Duy Nguyen-Tuong', 'Jan Peters'],
      year: 2011,
      venue: 'Cognitive processing',
      doi: '10.1007/s10339-011-0404-1',
    });
    expect(nguyen!.abstract).toMatch(/^Models are among the most essential tools/);
    expect(nilsson).toMatchObject({ arxivId: 'cs/9401101', year: 1994, venue: 'Journal of Artificial Intelligence Research' });
    expect(lowry!.url).toBe('http://trb.metapress.com/openurl.asp?genre=article&id=doi:10.3141/2244-14');
  });

  it("reads Google Scholar's, Zotero's plain and Better BibTeX's custom exports", () => {
    const { entries } = read(fixture('google-scholar-and-zotero.bib'));
    const [scholar, zotero, book] = entries;
    expect(scholar).toMatchObject({ title: 'Attention is all you need', year: 2017, venue: 'Advances in neural information processing systems' });
    expect(scholar!.authors).toContain('Łukasz Kaiser');
    expect(scholar!.tags.sort()).toEqual(['CS', 'ML', 'transformers']);
    // An unescaped % is a per cent sign here, not a TeX comment that would swallow the rest of the line.
    expect(zotero).toMatchObject({ arxivId: '1803.03635', venue: 'ICLR', year: 2019 });
    expect(zotero!.abstract).toContain('by over 90%, decreasing storage requirements');
    expect(zotero!.abstract).toContain('less than 10-20% of the size');
    expect(book!.authors).toEqual(['Fred Rieke', 'David Warland', 'Rob de Ruyter van Steveninck', 'William Bialek']);
    expect(book!.year).toBe(1999);
  });

  it("reads arXiv's own BibTeX", () => {
    const { entries } = read(fixture('arxiv.bib'));
    expect(entries).toEqual([
      {
        title: 'ReflecTool: Towards Reflection-Aware Tool-Augmented Clinical Agents',
        authors: ['Yusheng Liao', 'Shuyang Jiang', 'Yanfeng Wang', 'Yu Wang'],
        year: 2024,
        arxivId: '2410.17657',
        url: 'https://arxiv.org/abs/2410.17657',
        tags: [],
        key: 'liao2024reflectoolreflectionawaretoolaugmentedclinical',
        line: 1,
      },
    ]);
  });

  it("reads DBLP's BibTeX: nested accents, {-} in names, escaped DOIs, math in titles", () => {
    const { entries } = read(fixture('dblp.bib'));
    const [popl, jfp, csl, flops] = entries;
    expect(popl!.authors[0]).toBe('Martín Abadi');
    expect(popl!.venue).toMatch(/^POPL '99, Proceedings of the 26th ACM SIGPLAN-SIGACT Symposium on Principles/);
    expect(popl!.doi).toBe('10.1145/292540.292555');
    expect(jfp!.authors).toEqual(['Martín Abadi', 'Luca Cardelli', 'Pierre-Louis Curien', 'Jean-Jacques Lévy']);
    expect(csl!.doi).toBe('10.1007/3-540-44802-0_21');
    expect(csl!.url).toBe('https://doi.org/10.1007/3-540-44802-0_21');
    expect(flops!.title).toBe('Normalization by Evaluation for lambda⁻²');
  });
});

describe('readBibtex against the library', () => {
  it.each(['zotero-better-biblatex.bib', 'mendeley.bib', 'google-scholar-and-zotero.bib', 'arxiv.bib', 'dblp.bib'])(
    'reads %s as bibtex-parser reads the whole file in one call',
    (name) => {
      const text = fixture(name);
      const ours = read(text).entries;
      const theirs = parse(text, { sentenceCase: false }).entries.filter((e) => e.fields.title);
      expect(ours.map((e) => e.key)).toEqual(theirs.map((e) => e.key));
      ours.forEach((entry, i) => {
        const fields = theirs[i]!.fields;
        expect(entry.title).toBe(cleanLine(fields.title as string));
        expect(entry.authors).toEqual(
          (fields.author ?? []).map((c) => cleanLine(c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' '))),
        );
        const abstract = (fields.abstract ?? fields.abstractnote) as string | undefined;
        // The library reads a bare % as a TeX comment and drops the rest of the line; PaperLens keeps it.
        if (abstract && !/(?<!\\)%/.test(theirs[i]!.input)) expect(entry.abstract).toBe(cleanProse(abstract));
      });
    },
  );
});

describe('readBibtex decoding', () => {
  it('decodes TeX accents, braces, @string macros with concatenation, and month macros', () => {
    const { entries } = read(String.raw`@string{nips = "Advances in Neural Information " # {Processing Systems}}
@inproceedings{a,
  title = {{\"U}ber {BERT}: \'Etude de l'attention},
  author = {M{\"u}ller, J{\"o}rg and Fran{\c{c}}ois, Andr{\'e}},
  booktitle = nips,
  month = jun,
  year = 2017
}`);
    expect(entries).toEqual([
      expect.objectContaining({
        title: "Über BERT: Étude de l'attention",
        authors: ['Jörg Müller', 'André François'],
        venue: 'Advances in Neural Information Processing Systems',
        year: 2017,
        line: 2,
      }),
    ]);
  });

  it('takes the arXiv id from eprint, DOI, URL, journal, note, howpublished or a DBLP CoRR volume', () => {
    const { entries } = read(String.raw`@misc{a, title = {A}, eprint = {2403.01234v2}, archivePrefix = {arXiv}}
@misc{b, title = {B}, doi = {10.48550/arXiv.2101.00001}}
@misc{c, title = {C}, url = {https://arxiv.org/pdf/2102.00002v3.pdf}}
@article{d, title = {D}, journal = {arXiv preprint arXiv:1810.04805}, year = {2018}}
@misc{e, title = {E}, note = {arXiv:hep-th/9901001}}
@misc{f, title = {F}, howpublished = {\url{https://arxiv.org/abs/2103.00003}}}
@article{g, title = {G}, journal = {CoRR}, volume = {abs/1705.05363}}
@misc{h, title = {H}, eprint = {12345678}, eprinttype = {pubmed}}
@misc{i, title = {I}, eprint = {2104.00004}, eprinttype = {arxiv}}`);
    expect(entries.map((e) => [e.key, e.arxivId])).toEqual([
      ['a', '2403.01234'],
      ['b', '2101.00001'],
      ['c', '2102.00002'],
      ['d', '1810.04805'],
      ['e', 'hep-th/9901001'],
      ['f', '2103.00003'],
      ['g', '1705.05363'],
      ['h', undefined],
      ['i', '2104.00004'],
    ]);
  });

  it('gives an entry the venue and year of the proceedings it cross-references, and skips the proceedings', () => {
    const { entries } = read(`@inproceedings{DBLP:conf/nips/VaswaniSPUJGKP17,
  author    = {Ashish Vaswani and Noam Shazeer},
  title     = {Attention is All you Need},
  crossref  = {DBLP:conf/nips/2017},
}
@proceedings{DBLP:conf/nips/2017,
  editor    = {Isabelle Guyon},
  title     = {Advances in Neural Information Processing Systems 30},
  year      = {2017},
}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ title: 'Attention is All you Need', venue: 'Advances in Neural Information Processing Systems 30', year: 2017 });
  });

  it('decodes a long TeX abstract in pieces exactly as the library decodes it whole', () => {
    const sentence = String.raw`We study \emph{sparse} attention with $O(n \log n)$ cost on {BERT} and Schr{\"o}dinger's {\'e}tude, 50\% faster -- see \citet{x}. `;
    const tex = sentence.repeat(8).trim();
    expect(tex.length).toBeGreaterThan(600);
    const { entries } = read(`@misc{a, title = {T}, abstract = {${tex}}}`);
    expect(entries[0]!.abstract).toBe(cleanProse(libraryField('abstract', tex).abstract as string));
    expect(entries[0]!.abstract).toContain("Schrödinger's étude");
  });

  it('reads a long abstract with TeX in one sentence as the library reads it whole, the other sentences directly', () => {
    const plain = 'We study sparse attention for long documents and report results on six benchmarks with careful ablations. ';
    const tex = String.raw`It runs in $O(n \log n)$ time, 50\% faster than {BERT} -- see \url{https://github.com/org/repo_name}. `;
    const abstract = (plain.repeat(4) + tex + plain.repeat(4) + 'Schr{\\"o}dinger {\\\'e}tudes. ' + plain.repeat(2)).trim();
    const { entries } = read(`@misc{a, title = {T}, abstract = {${abstract}}}`);
    expect(entries[0]!.abstract).toBe(cleanProse(libraryField('abstract', abstract).abstract as string));
    expect(entries[0]!.abstract).toContain('time, 50% faster than BERT – see https://github.com/org/repo_name.');
    expect(entries[0]!.abstract).toContain('Schrödinger études.');
  });

  it('reads TeX-free text without the library exactly as the library reads it', () => {
    // Random strings of letters, punctuation, quotes, dashes, braces and escaped specials (seeded, so the run repeats).
    const pieces = [...'abcXYZ 019-\'`"!?.,:;()[]/@*+=|', 'é', '中', '🚀', '--', '---', "''", '``', 'word', '{', '}', '{}', '\\%', '\\&', '\\_', '\\$', '{\\&}'];
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let compared = 0;
    while (compared < 500) {
      const text = Array.from({ length: 1 + Math.floor(random() * 10) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const opened = [...text.replace(/\\./g, '')].reduce((depth, c) => (depth < 0 ? depth : depth + (c === '{' ? 1 : c === '}' ? -1 : 0)), 0);
      if (opened !== 0) continue;
      compared++;
      const library = (parse(`@misc{x, title = {${text}}}`, { sentenceCase: false }).entries[0]!.fields.title as string | undefined) ?? '';
      expect(cleanLine(plainText(text)), text).toBe(cleanLine(library));
    }
  });

  it('reads TeX-free name lists without the library exactly as the library reads them', () => {
    const words = ['Ashish', 'Vaswani', 'J.', 'D.', 'van', 'der', 'de', 'la', 'von', 'Jr.', 'III', "O'Brien", "'t", 'Hooft', 'Müller', 'Łukasz', 'El-Showk', 'Yi-An', 'others', 'a.', 'Öncel', 'DasSarma', 'da', 'al'];
    let seed = 777;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const name = () => {
      const parts = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(words));
      const commas = parts.length < 2 ? 0 : Math.floor(random() * 3);
      if (commas === 0) return parts.join(' ');
      if (commas === 1) return `${parts[0]}, ${parts.slice(1).join(' ')}`;
      return `${parts[0]}, Jr., ${parts.slice(1).join(' ')}`;
    };
    for (let n = 0; n < 300; n++) {
      const list = Array.from({ length: 1 + Math.floor(random() * 4) }, name).join(' and ');
      const creators = parse(`@misc{x, author = {${list}}}`, { sentenceCase: false }).entries[0]!.fields.author ?? [];
      const library = creators.map((c) => cleanLine(c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ')));
      expect(plainNames(list), list).toEqual(library);
    }
    expect(plainNames('M{\\"u}ller, J.')).toBeNull();
    expect(plainNames('{Gemini Team} and Doe, J.')).toBeNull();
    expect(plainNames('and Doe, J.')).toBeNull();
  });

  it('reads accented letters without the library exactly as the library reads them', () => {
    // Every accent form exporters write, on random text around it; `\\"q` (no precomposed letter) and
    // `\\'{\\i}` (dotless i) must be left to the library.
    const accents = [...'"\'`^~=.'].flatMap((a) => [`{\\${a}u}`, `\\${a}{E}`, `\\${a}o`, `{\\${a}{a}}`]);
    accents.push('\\v{S}', '{\\v s}', '\\c{c}', '{\\c C}', '\\u{g}', '\\H{o}', '\\r{a}', '{\\k e}', '\\d{s}', '{\\v{z}}');
    const pieces = [...'abXY -.,\'', 'word', ' and ', ', ', '{', '}', 'van ', ...accents, '\\"q', "\\'{\\i}", '\\\\', '\\vS'];
    let seed = 4242;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let texts = 0;
    let lists = 0;
    for (let n = 0; n < 3000 && (texts < 400 || lists < 200); n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const opened = [...text.replace(/\\./g, '')].reduce((depth, c) => (depth < 0 ? depth : depth + (c === '{' ? 1 : c === '}' ? -1 : 0)), 0);
      const decoded = decodeAccents(text);
      if (opened !== 0 || decoded === null) continue;
      const fields = parse(`@misc{x, title = {${text}}, author = {${text}}}`, { sentenceCase: false }).entries[0]?.fields;
      if (!/[\\$&#^_~]/.test(decoded.replace(/\\([%&_$#])/g, ''))) {
        texts++;
        expect(cleanLine(plainText(decoded)), text).toBe(cleanLine((fields?.title as string | undefined) ?? ''));
      }
      const names = plainNames(decoded);
      if (names) {
        lists++;
        const library = (fields?.author ?? []).map((c) => cleanLine(c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ')));
        expect(names, text).toEqual(library);
      }
    }
    expect(texts).toBeGreaterThanOrEqual(400);
    expect(lists).toBeGreaterThanOrEqual(200);
    expect(decodeAccents('M{\\"u}ller, Jos{\\\'e} and \\v{S}imon')).toBe('Müller, José and Šimon');
    expect(decodeAccents('\\"q')).toBeNull();
    expect(decodeAccents('a \\\\ b')).toBeNull();
    expect(decodeAccents('\\vS \\emph{x}')).toBe('\\vS \\emph{x}');
  });

  it('keeps a bare per cent sign and angle brackets as written', () => {
    const { entries } = read('@misc{a, title = {Accuracy > 90% when x < y}}');
    expect(entries[0]!.title).toBe('Accuracy > 90% when x < y');
  });

  it('passes plain prose through unchanged, as the library would', () => {
    for (const plain of [
      `A plain abstract with numbers 1-2, quotes "like this", dashes -- and --- and ${'``'}curly'' ones.`,
      'Ünïcödé and 中文 and 🚀 survive.',
    ]) {
      const { entries } = read(`@misc{a, title = {T}, abstract = {${plain}}}`);
      expect(entries[0]!.abstract).toBe(cleanProse(libraryField('abstract', plain).abstract as string));
    }
  });

  it('reads a long author list in pieces exactly as the library reads it whole', () => {
    const names = Array.from({ length: 40 }, (_, i) => `M{\\"u}ller${i}, J{\\"o}rg and van der Berg${i}, Anna`).join(' and ');
    const { entries } = read(`@misc{a, title = {T}, author = {${names}}}`);
    const whole = (libraryField('author', names).author as { firstName?: string; prefix?: string; lastName?: string }[]).map((c) =>
      cleanLine([c.firstName, c.prefix, c.lastName].filter(Boolean).join(' ')),
    );
    expect(entries[0]!.authors).toEqual(whole);
    expect(entries[0]!.authors).toHaveLength(80);
    expect(entries[0]!.authors.slice(0, 2)).toEqual(['Jörg Müller0', 'Anna van der Berg0']);
  });
});

describe('readBibtex problems', () => {
  it('reports an entry without a title, with its line, and imports the rest', () => {
    const { entries, problems } = read('@article{one, title = {One}}\n\n@article{notitle, author = {X}}\n@article{two, title = {Two}}');
    expect(entries.map((e) => e.title)).toEqual(['One', 'Two']);
    expect(problems).toEqual([{ line: 3, reason: 'The entry “notitle” has no title, so it was not imported.' }]);
  });

  it('reports a broken entry in the middle of the file with its line, and reads the entries after it', () => {
    const { entries, problems } = read(
      [
        '@article{ok1, title = {One}}',
        '@article{nocomma,',
        '  title = {Two}',
        '  author = {Lost, Author}}',
        '@article{unclosed, title = "Three}',
        '@article{ok2, title = {Four}}',
      ].join('\n'),
    );
    // The library keeps what it read before an error; the entry imports and the loss is reported.
    expect(entries.map((e) => [e.title, e.authors])).toEqual([
      ['One', []],
      ['Two', []],
      ['Four', []],
    ]);
    expect(problems).toEqual([
      {
        line: 4,
        reason:
          'Part of this entry could not be read: there is unexpected text where a field or the closing “}” should be (a missing comma?). The fields before that point were imported.',
      },
      { line: 5, reason: 'This entry could not be read: a quoted value is never closed.' },
    ]);
  });

  it('reports a key used twice, and keeps both entries', () => {
    const { entries, problems } = read('@misc{dup, title = {First}}\n@misc{other, title = {X}}\n@misc{Dup, title = {Second}}');
    expect(entries).toHaveLength(3);
    expect(problems).toEqual([{ line: 3, reason: 'The key “Dup” is used again (first at line 1); both entries were imported.' }]);
  });

  it('ignores comments, preambles and text around entries', () => {
    const { entries } = read('This file was generated.\n@comment{jabref-meta: x}\n@preamble{"\\newcommand{\\x}{y}"}\n% a comment\n@misc{a, title = {Only}}\n');
    expect(entries.map((e) => [e.title, e.line])).toEqual([['Only', 5]]);
  });

  it('reports progress up to the number of entries', () => {
    const text = Array.from({ length: 200 }, (_, i) => `@misc{k${i}, title = {Paper ${i}}}`).join('\n');
    const { entries, progress } = read(text);
    expect(entries).toHaveLength(200);
    expect(progress.at(-1)).toEqual({ done: 200, total: 200 });
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
  });
});
