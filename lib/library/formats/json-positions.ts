/**
 * Where the items of a JSON array start, by line. `JSON.parse` gives values without positions,
 * and a problem is only useful if it says where the item is; a single pass over the text that
 * knows strings and nesting (not a second JSON parser: it assumes text `JSON.parse` accepted)
 * finds them.
 */

/** Calls `visit` for each value directly inside the container opening at `open`, with its index and line. */
function eachChildStart(text: string, open: number, firstLine: number, visit: (index: number, line: number) => void): void {
  let line = firstLine;
  let depth = 0;
  let inString = false;
  let expectValue = true;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (depth === 0) {
      if (c === ']' || c === '}') return;
      if (c === ',') {
        expectValue = true;
        continue;
      }
      if (expectValue && c !== undefined && !/\s/.test(c)) {
        visit(i, line);
        expectValue = false;
      }
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Lines of the items of the array that is the document (`[…]`) or its `papers` member
 * (`{"version": …, "papers": […]}`), in order. Empty when there is no such array.
 */
export function arrayItemLines(text: string): number[] {
  const start = text.search(/\S/);
  if (start === -1) return [];
  let arrayStart = -1;
  if (text[start] === '[') {
    arrayStart = start;
  } else if (text[start] === '{') {
    eachChildStart(text, start, lineAt(text, start), (index) => {
      if (arrayStart !== -1 || !text.startsWith('"papers"', index)) return;
      const after = /^"papers"\s*:\s*\[/.exec(text.slice(index, index + 64));
      if (after) arrayStart = index + after[0].length - 1;
    });
  }
  if (arrayStart === -1) return [];
  const lines: number[] = [];
  eachChildStart(text, arrayStart, lineAt(text, arrayStart), (_, line) => lines.push(line));
  return lines;
}
