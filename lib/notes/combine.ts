import type { Note } from './model';

/** The line between two notes' texts when one paper turns out to have had two notes. */
export const MOVED_NOTE_RULE = '\n\n---\n\n';

/**
 * One note from two notes on records that turned out to be the same paper: `kept`'s text, then
 * `moved`'s below a rule naming the title it was written under, so neither text is lost. Tags
 * are the union, starred if either was, `kept`'s reading status unless it had none.
 */
export function combineNotes(kept: Note, moved: Note, now: number): Note {
  const keptText = kept.text.trim();
  const movedText = moved.text.trim();
  let text = kept.text;
  if (movedText && movedText !== keptText) {
    const heading = `*Note written on “${moved.titleSnapshot || moved.paperId}”:*\n\n`;
    text = keptText ? `${kept.text.trimEnd()}${MOVED_NOTE_RULE}${heading}${moved.text}` : moved.text;
  }
  const tags = [...kept.tags];
  for (const tag of moved.tags) if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  return {
    ...kept,
    text,
    tags,
    status: kept.status !== 'none' ? kept.status : moved.status,
    starred: kept.starred || moved.starred,
    createdAt: Math.min(kept.createdAt, moved.createdAt),
    updatedAt: Math.max(now, kept.updatedAt + 1, moved.updatedAt + 1),
  };
}
