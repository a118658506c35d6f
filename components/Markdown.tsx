import { Fragment, type ReactNode } from 'react';

/**
 * A small Markdown renderer for notes: paragraphs, headings, lists, fenced code, inline code,
 * emphasis and links. It builds React elements from text, never HTML, so a note containing
 * `<script>` shows those characters, and only http(s) links become links (`javascript:` stays text).
 */
export function Markdown({ text }: { text: string }) {
  return <div className="pl-md">{renderBlocks(text)}</div>;
}

const SAFE_URL = /^https?:\/\/[^\s]+$/i;

export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url);
}

const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\n]+\*|_[^_\n]+_)|(\[[^\]\n]+\]\([^)\s]+\))|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/;

function renderInline(text: string, key = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let n = 0;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push(rest);
      break;
    }
    if (m.index > 0) out.push(rest.slice(0, m.index));
    const [whole, code, strong, em, link, bare] = m;
    const k = `${key}.${n++}`;
    if (code) out.push(<code key={k}>{code.slice(1, -1)}</code>);
    else if (strong) out.push(<strong key={k}>{renderInline(strong.slice(2, -2), k)}</strong>);
    else if (em) out.push(<em key={k}>{renderInline(em.slice(1, -1), k)}</em>);
    else if (link) {
      const close = link.indexOf('](');
      const label = link.slice(1, close);
      const url = link.slice(close + 2, -1);
      out.push(
        isSafeUrl(url) ? (
          <a key={k} href={url} target="_blank" rel="noopener noreferrer">
            {renderInline(label, k)}
          </a>
        ) : (
          <Fragment key={k}>{whole}</Fragment>
        ),
      );
    } else if (bare) {
      out.push(
        <a key={k} href={bare} target="_blank" rel="noopener noreferrer">
          {bare}
        </a>,
      );
    }
    rest = rest.slice(m.index + whole.length);
  }
  return out;
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const HEADING = /^(#{1,3})\s+(.*)$/;

function renderBlocks(text: string): ReactNode[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const key = `b${i}`;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.startsWith('```')) body.push(lines[i++]!);
      i++;
      blocks.push(
        <pre key={key}>
          <code>{body.join('\n')}</code>
        </pre>,
      );
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const Tag = (['h3', 'h4', 'h5'] as const)[heading[1]!.length - 1]!;
      blocks.push(<Tag key={key}>{renderInline(heading[2]!, key)}</Tag>);
      i++;
      continue;
    }
    const listKind = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (listKind) {
      const items: ReactNode[] = [];
      for (let item = listKind.exec(lines[i]!); item && i < lines.length; item = listKind.exec(lines[++i] ?? '')) {
        const k = `${key}.${items.length}`;
        items.push(<li key={k}>{renderInline(item[1]!, k)}</li>);
      }
      blocks.push(listKind === BULLET ? <ul key={key}>{items}</ul> : <ol key={key}>{items}</ol>);
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() !== '' &&
      !lines[i]!.startsWith('```') &&
      !HEADING.test(lines[i]!) &&
      !BULLET.test(lines[i]!) &&
      !NUMBERED.test(lines[i]!)
    ) {
      para.push(lines[i++]!);
    }
    blocks.push(
      <p key={key}>
        {para.map((l, j) => (
          <Fragment key={j}>
            {j > 0 && <br />}
            {renderInline(l, `${key}.${j}`)}
          </Fragment>
        ))}
      </p>,
    );
  }
  return blocks;
}
