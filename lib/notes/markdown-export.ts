import type { StoredPaper } from '../catalog/types';
import type { LibraryEntry } from './model';
import { plural } from '../plural';
import type { ReadingStatus } from './reading-status';

const STATUS_WORDS: Record<ReadingStatus, string> = {
  none: 'no status',
  'to-read': 'to read',
  reading: 'reading',
  read: 'read',
};

/** The page a reader opens first: the arXiv abstract, the saved page, else a code link. */
export function paperLink(paper: StoredPaper): string | null {
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`;
  if (paper.url) return paper.url;
  return (paper.links.find((l) => l.kind === 'code') ?? paper.links[0])?.url ?? null;
}

/** Obsidian tags cannot hold spaces or most punctuation; `deep learning` becomes `#deep-learning`. */
export function obsidianTag(tag: string): string {
  const cleaned = tag
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_/-]/gu, '');
  return cleaned ? `#${cleaned}` : '';
}

/** One line of a heading: Markdown headings end at a newline. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * One readable document: `# PaperLens notes`, then a `##` section per noted or saved paper
 * (orphans under their snapshot title) with link, TL;DR, tags, status and the note text as-is.
 */
export function toMarkdown(entries: LibraryEntry[], exportedAt: number): string {
  const out = [`# PaperLens notes`, '', `Exported ${new Date(exportedAt).toISOString().slice(0, 10)} · ${plural(entries.length, 'paper', 'papers')}`, ''];
  for (const entry of entries) {
    out.push(`## ${oneLine(entry.title) || entry.paperId}`, '');
    const link = entry.paper && paperLink(entry.paper);
    if (link) out.push(`- Link: <${link}>`);
    if (entry.paper?.tldr) out.push(`- TL;DR: ${oneLine(entry.paper.tldr)}`);
    if (entry.orphan) out.push('- No longer in the catalog (title as it was when the note was saved)');
    const note = entry.note;
    if (note) {
      const tags = note.tags.map(obsidianTag).filter(Boolean);
      if (tags.length) out.push(`- Tags: ${tags.join(' ')}`);
      out.push(`- Status: ${STATUS_WORDS[note.status]}`);
      if (note.starred) out.push('- Starred: yes');
      out.push(`- Updated: ${new Date(note.updatedAt).toISOString().slice(0, 10)}`);
      if (note.text.trim()) out.push('', note.text.trimEnd());
    } else {
      out.push('- Saved, no note yet');
    }
    out.push('');
  }
  return out.join('\n');
}
