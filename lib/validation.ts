import * as v from 'valibot';

/**
 * The one validation kit, for messages from content scripts and for import files: valibot
 * schemas (whose outputs are the types the code uses), plus the few helpers below that turn
 * valibot's first issue into one sentence the user or the sender can act on.
 */

/** Stands for where the problem is (`notes[3].updatedAt`) in a message; filled in by {@link parseOrThrow}. */
const WHERE = '{where}';

/** A message for a field: `at('must be a number')` reads `notes[3].updatedAt must be a number`. */
/* @__NO_SIDE_EFFECTS__ */
export function at(predicate: string): string {
  return `${WHERE} ${predicate}`;
}

/** `notes[3].updatedAt`: the issue's path, array indexes in brackets, after `root`. */
function pathOf(issue: v.BaseIssue<unknown>, root: string): string {
  let out = root;
  for (const item of issue.path ?? []) {
    if (typeof item.key === 'number') out += `[${item.key}]`;
    else out += out ? `.${String(item.key)}` : String(item.key);
  }
  return out;
}

/**
 * Parses `value` with `schema`, stopping at the first problem, which is thrown as `new
 * Failure(message)` with `{where}` in its message replaced by the problem's path under `root`.
 */
export function parseOrThrow<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  Failure: new (message: string) => Error,
  root = '',
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new Failure(issue.message.replace(WHERE, pathOf(issue, root)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object schema (unknown keys dropped) that refuses arrays with `message`, and reads a
 * required field left out as `undefined`: JSON drops undefined values, and the field's own
 * message (`notes[0].text must be a string`) says more than valibot's generic missing-key one.
 */
/* @__NO_SIDE_EFFECTS__ */
export function record<const TEntries extends v.ObjectEntries>(entries: TEntries, message: string) {
  const required = Object.keys(entries).filter((key) => !['optional', 'exact_optional', 'nullish'].includes(entries[key]!.type));
  return v.pipe(
    v.custom<Record<string, unknown>>(isRecord, message),
    v.transform((input) => {
      const filled = { ...input };
      for (const key of required) if (!(key in filled)) filled[key] = undefined;
      return filled;
    }),
    v.object(entries),
  );
}

/** Refuses an array holding two items with the same `key`: `notes[1] repeats "p"`. */
/* @__NO_SIDE_EFFECTS__ */
export function uniqueBy<T>(key: (item: T) => string) {
  return v.rawCheck<T[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) {
        addIssue({ message: at(`repeats "${k}"`), path: [{ type: 'array', origin: 'value', input: dataset.value, key: i, value: item }] });
      }
      seen.add(k);
    });
  });
}

/** A finite number: `must be a number` for anything else, NaN and Infinity included. */
/* @__NO_SIDE_EFFECTS__ */
export function finiteNumber(message: string) {
  return v.pipe(v.number(message), v.finite(message));
}

/**
 * A string of at most `maxChars`. `what` names it in the messages (`paper id must be a string`);
 * by default the field's path does (`notes[0].text is longer than 1000000 characters`).
 */
/* @__NO_SIDE_EFFECTS__ */
export function boundedString(maxChars: number = Number.MAX_SAFE_INTEGER, what: string = WHERE) {
  return v.pipe(v.string(`${what} must be a string`), v.maxLength(maxChars, `${what} is longer than ${maxChars} characters`));
}
