import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { describeStorageError, formatBytes, isQuotaError } from './storage-errors';

describe('storage errors', () => {
  it('recognizes quota errors raw, wrapped by Dexie, and after a message round trip', () => {
    const raw = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(raw)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', raw))).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError: Encountered full disk while opening backing store'))).toBe(true);
    expect(isQuotaError(new Error('paper id must be a string'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('says what to do in words', () => {
    expect(describeStorageError(new DOMException('full', 'QuotaExceededError'))).toMatch(/no storage left.*Export your data/);
    expect(describeStorageError(new Error('disk on fire'))).toBe('Not saved: disk on fire');
  });

  it('formats sizes', () => {
    expect([0, 1023, 1536, 20 * 1024 * 1024, 3 * 1024 ** 3].map(formatBytes)).toEqual(['0 B', '1023 B', '1.5 KB', '20 MB', '3.0 GB']);
  });
});
