import type { ComponentPropsWithoutRef } from 'react';
import ReactMarkdown, { type Components, type UrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/** Only web links become links: `javascript:`, `data:`, relative and other schemes stay inert text. */
const SAFE_URL = /^https?:\/\/[^\s]+$/i;

export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url);
}

/** Keeps http(s) URLs; any other is dropped, so its link renders without an href. */
const urlTransform: UrlTransform = (url) => (isSafeUrl(url) ? url : null);

/** Headings one step down a small page's outline: a note's `#` is a section, not the page's title. */
const heading = (Tag: 'h3' | 'h4' | 'h5' | 'h6') =>
  function NoteHeading({ node: _node, ...props }: ComponentPropsWithoutRef<'h3'> & { node?: unknown }) {
    return <Tag dir="auto" {...props} />;
  };

/** Blocks of text take their direction from their own words (a Hebrew line in an English note). */
const directional = <T extends 'p' | 'li' | 'blockquote' | 'td' | 'th'>(Tag: T) =>
  function Directional({ node: _node, ...props }: ComponentPropsWithoutRef<T> & { node?: unknown }) {
    const Element = Tag as 'p';
    return <Element dir="auto" {...(props as ComponentPropsWithoutRef<'p'>)} />;
  };

const components: Components = {
  h1: heading('h3'),
  h2: heading('h4'),
  h3: heading('h5'),
  h4: heading('h6'),
  h5: heading('h6'),
  h6: heading('h6'),
  p: directional('p'),
  li: directional('li'),
  blockquote: directional('blockquote'),
  td: directional('td'),
  th: directional('th'),
  a({ node: _node, href, children, ...props }) {
    if (!href) return <span className="pl-md__inert">{children}</span>;
    return (
      <a {...props} href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  },
  // A note's picture would be fetched from its server whenever the note is shown (in the card,
  // on whatever page is open): it is shown as a link to open instead.
  img({ src, alt }) {
    const label = alt || (typeof src === 'string' ? src : '') || 'image';
    return typeof src === 'string' && isSafeUrl(src) ? (
      <a href={src} target="_blank" rel="noopener noreferrer">
        {label}
      </a>
    ) : (
      <span className="pl-md__inert">{label}</span>
    );
  },
};

const plugins = [remarkGfm];

/**
 * A note rendered as Markdown: CommonMark with GitHub's additions (tables, task lists,
 * strikethrough, bare links) by react-markdown, which builds React elements and never HTML.
 * Raw HTML in a note shows as text (no rehype-raw), and only http(s) URLs become links.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="pl-md" dir="auto">
      <ReactMarkdown remarkPlugins={plugins} components={components} urlTransform={urlTransform}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
