import { describe, expect, it } from 'vitest';
import { normalizeColor } from '../../../src/core/io/color';
import { parseList, parseNumber, parseTyped, valueKind } from '../../../src/core/io/values';

describe('typed values', () => {
  it('reads numbers, infinities and C99 hex floats', () => {
    expect(parseNumber(' 2.5 ')).toBe(2.5);
    expect(parseNumber('INF')).toBe(Infinity);
    expect(parseNumber('-INF')).toBe(-Infinity);
    expect(parseNumber('NaN')).toBeNaN();
    expect(parseNumber('0x1.8p+3')).toBe(12);
    expect(parseNumber('-0x1p-1')).toBe(-0.5);
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('  ')).toBeUndefined();
    expect(parseNumber('abc')).toBeUndefined();
  });

  it('maps declared type names', () => {
    expect(valueKind('long')).toBe('number');
    expect(valueKind('listdouble')).toBe('list-number');
    expect(valueKind('listboolean')).toBe('list-boolean');
    expect(valueKind('liststring')).toBe('list-string');
    expect(valueKind('vector_float')).toBe('list-number');
    expect(valueKind('anyURI')).toBe('string');
    expect(valueKind(undefined)).toBe('string');
  });

  it('splits the list spellings found in real files', () => {
    expect(parseList('[]')).toEqual([]);
    expect(parseList('a|b')).toEqual(['a', 'b']);
    expect(parseList(`["x, y", 'z']`)).toEqual(['x, y', 'z']);
    expect(parseTyped('list-number', '1, 0x1p+1')).toEqual([1, 2]);
    expect(parseTyped('list-number', '1, two')).toBeUndefined();
    expect(parseTyped('boolean', 'TRUE')).toBe(true);
  });

  it('normalizes colours to #rrggbb', () => {
    expect(normalizeColor('#ABC')).toBe('#aabbcc');
    expect(normalizeColor('#11223344')).toBe('#112233');
    expect(normalizeColor('rgba(255, 0, 10, 0.5)')).toBe('#ff000a');
    expect(normalizeColor('steelblue')).toBe('steelblue');
  });
});
