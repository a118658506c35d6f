/**
 * The match indexes in the form IndexedDB stores and reads back fastest, so a service worker
 * woken by a page answers from the stored index instead of rebuilding it (seconds at 100,000
 * papers). IndexedDB's structured clone keeps Maps, Sets and arrays as they are, but reading
 * back 100,000 small strings or entries costs about as much as building them; one long string
 * per array reads back as one copy and splits in milliseconds. So string arrays, and the keys
 * and values of Maps and Sets, are stored joined; everything else is kept as it is.
 *
 * Generic over the index's shape: a field added to the title or page index is stored without
 * a change here (the round-trip tests compare whole indexes), and a value it cannot store
 * (a function, a class instance) throws rather than being lost.
 */

/** Joins string arrays; no index string holds it (titles are single lines; otherwise the array is kept as is). */
const SEPARATOR = '\u0000';

type Packed =
  | string
  | number
  | boolean
  | null
  | ArrayBufferView
  | { $: 'strings'; n: number; v: string }
  | { $: 'array'; v: Packed[] }
  | { $: 'map'; k: Packed; v: Packed }
  | { $: 'set'; v: Packed }
  | { $: 'object'; v: Record<string, Packed> };

function packArray(values: readonly unknown[]): Packed {
  if (values.every((v) => typeof v === 'string' && !v.includes(SEPARATOR))) {
    return { $: 'strings', n: values.length, v: values.join(SEPARATOR) };
  }
  return { $: 'array', v: values.map(pack) };
}

/** `value` in its stored form (see the module comment). */
export function pack(value: unknown): Packed {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return packArray(value);
  if (value instanceof Map) return { $: 'map', k: packArray([...value.keys()]), v: packArray([...value.values()]) };
  if (value instanceof Set) return { $: 'set', v: packArray([...value]) };
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const v: Record<string, Packed> = {};
    for (const [key, field] of Object.entries(value)) if (field !== undefined) v[key] = pack(field);
    return { $: 'object', v };
  }
  throw new TypeError(`A match index cannot store a ${typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value}.`);
}

/** The value `pack` was given. The caller knows its type (stored indexes carry a format number). */
export function unpack(packed: unknown): unknown {
  if (packed === null || typeof packed !== 'object' || ArrayBuffer.isView(packed)) return packed;
  const p = packed as Exclude<Packed, string | number | boolean | null | ArrayBufferView>;
  switch (p.$) {
    case 'strings':
      return p.n === 0 ? [] : p.v.split(SEPARATOR);
    case 'array':
      return p.v.map(unpack);
    case 'map': {
      const keys = unpack(p.k) as unknown[];
      const values = unpack(p.v) as unknown[];
      const map = new Map<unknown, unknown>();
      for (let i = 0; i < keys.length; i++) map.set(keys[i], values[i]);
      return map;
    }
    case 'set':
      return new Set(unpack(p.v) as unknown[]);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(p.v)) out[key] = unpack(field);
      return out;
    }
    default:
      throw new TypeError('This is not a stored match index.');
  }
}
