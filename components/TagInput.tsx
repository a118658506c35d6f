import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { suggestTags } from '@/lib/notes/tag-suggest';

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
  /** The user's tags on other notes, suggested as they type. */
  known?: readonly string[];
}

/**
 * Tag chips with a field: Enter or comma adds, × or Backspace in an empty field removes. While
 * typing, the user's own tags that fit are suggested below; arrows pick one, Enter or a click
 * adds it, Escape hides the list.
 */
export function TagInput({ tags, onChange, known = [] }: TagInputProps) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const [hidden, setHidden] = useState(false);
  const listId = useId();
  const suggestions = useMemo(() => (hidden ? [] : suggestTags(known, text, tags)), [hidden, known, text, tags]);
  const open = suggestions.length > 0;

  const add = (value: string) => {
    const next = parseTags(value, tags);
    setText('');
    setActive(-1);
    if (next.length !== tags.length) onChange(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const last = suggestions.length - 1;
      setActive((i) => (e.key === 'ArrowDown' ? (i >= last ? 0 : i + 1) : i <= 0 ? last : i - 1));
    } else if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add(open && active >= 0 && active < suggestions.length ? suggestions[active]! : text);
    } else if (e.key === 'Escape' && open) {
      // Closes the list only; a second Escape reaches the popup (which clears or closes).
      e.preventDefault();
      e.stopPropagation();
      setHidden(true);
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
      <span className="pl-tags__field">
        <input
          className="pl-tags__input"
          aria-label="Add a tag"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          placeholder={tags.length ? 'Add tag' : 'Tags (Enter to add)'}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(-1);
            setHidden(false);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => add(text)}
        />
        {open && (
          <ul className="pl-tags__suggestions" role="listbox" id={listId} aria-label="Your tags">
            {suggestions.map((tag, i) => (
              <li
                key={tag}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                // Keeps the focus in the field, whose blur would add the half-typed text first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => add(tag)}
              >
                {tag}
              </li>
            ))}
          </ul>
        )}
      </span>
    </div>
  );
}
