import { useState, type KeyboardEvent } from 'react';

/** Longest tag kept; matches the background's validation limit. */
const TAG_CHARS = 100;

/** Splits typed text into clean tags: trimmed, lowercase, no leading '#', no duplicates. */
export function parseTags(text: string, existing: readonly string[] = []): string[] {
  const out = [...existing];
  for (const raw of text.split(/[,\n]/)) {
    const tag = raw.trim().replace(/^#+/, '').toLowerCase().slice(0, TAG_CHARS);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

export interface TagInputProps {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
}

/** Tag chips with a field: Enter or comma adds, × or Backspace in an empty field removes. */
export function TagInput({ tags, onChange }: TagInputProps) {
  const [text, setText] = useState('');

  const commit = () => {
    const next = parseTags(text, tags);
    setText('');
    if (next.length !== tags.length) onChange(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="pl-tags">
      {tags.map((tag) => (
        <span key={tag} className="pl-tag">
          {tag}
          <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
            ×
          </button>
        </span>
      ))}
      <input
        className="pl-tags__input"
        aria-label="Add a tag"
        placeholder={tags.length ? 'Add tag' : 'Tags (Enter to add)'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
    </div>
  );
}
