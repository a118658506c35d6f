import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { at, boundedString, finiteNumber, parseOrThrow, record, uniqueBy } from './validation';

class Refused extends Error {}

const Item = record({ id: boundedString(3), n: finiteNumber(at('must be a number')), note: v.optional(v.string(at('must be a string'))) }, at('must be an object'));
const List = record({ items: v.pipe(v.array(Item, at('must be an array')), uniqueBy((i) => i.id)) }, 'The input must be an object');
const parse = (value: unknown) => parseOrThrow(List, value, Refused);

describe('the validation kit', () => {
  it('names the path of the first problem, array indexes in brackets', () => {
    expect(() => parse({ items: [{ id: 'a', n: 1 }, { id: 'b', n: '2' }] })).toThrow(new Refused('items[1].n must be a number'));
    expect(() => parse({ items: [{ id: 'abcd', n: 1 }] })).toThrow('items[0].id is longer than 3 characters');
    expect(() => parseOrThrow(Item, { id: 'a', n: Infinity }, Refused, 'item')).toThrow('item.n must be a number');
  });

  it('reads a missing field as undefined, so it gets the field’s own message', () => {
    expect(() => parse({ items: [{ id: 'a' }] })).toThrow('items[0].n must be a number');
    expect(() => parse({})).toThrow('items must be an array');
  });

  it('refuses arrays and null where an object belongs', () => {
    expect(() => parse([])).toThrow('The input must be an object');
    expect(() => parse({ items: [null] })).toThrow('items[0] must be an object');
  });

  it('reports the first repeated key with its index', () => {
    expect(() => parse({ items: [{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'a', n: 3 }] })).toThrow('items[2] repeats "a"');
  });

  it('returns a clean copy: unknown fields dropped, absent optional fields left out', () => {
    const out = parse({ items: [{ id: 'a', n: 1, extra: true }], other: 1 });
    expect(out).toStrictEqual({ items: [{ id: 'a', n: 1 }] });
  });
});
