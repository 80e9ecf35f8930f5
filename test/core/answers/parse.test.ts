import { describe, expect, it } from 'vitest';
import { normalizeAnswer, parseNumber, parseValue } from '../../../src/core/answers/index.js';

const parseVector = (t: string, n = 3) =>
  parseValue(t, { kind: 'vector', value: new Array<number>(n).fill(0) });
const parseShape = (t: string) => parseValue(t, { kind: 'shape', value: [1] });

describe('parseNumber keeps the digits typed', () => {
  it.each([
    ['45', { value: 45, form: 'decimal', places: 0, scaled: 45, whole: true }],
    ['0.81', { value: 0.81, form: 'decimal', places: 2, scaled: 81, whole: false }],
    ['.81', { value: 0.81, form: 'decimal', places: 2, scaled: 81 }],
    ['-.5', { value: -0.5, places: 1, scaled: -5 }],
    ['+3', { value: 3, places: 0, scaled: 3, whole: true }],
    ['3534.0', { value: 3534, places: 1, scaled: 35340, whole: false }],
    ['3.', { value: 3, places: 0, whole: false }],
    ['1e-3', { value: 0.001, form: 'scientific', places: 3, scaled: 1 }],
    ['2.5E4', { value: 25000, form: 'scientific', places: -3, scaled: 25 }],
    ['8.1e-1', { value: 0.81, form: 'scientific', places: 2, scaled: 81 }],
    ['2.5×10^4', { value: 25000, form: 'scientific', places: -3 }],
    ['3/4', { value: 0.75, form: 'fraction' }],
    ['-1/3', { value: -1 / 3, form: 'fraction' }],
    ['−0.5', { value: -0.5 }],
  ])('%j', (text, expected) => {
    const r = parseNumber(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.number).toMatchObject(expected);
  });

  it('reads thousands separators only when asked (integer parts)', () => {
    expect(parseNumber('320,128').ok).toBe(false);
    expect(parseNumber('320,128', { grouped: true })).toMatchObject({ ok: true, number: { value: 320128 } });
    expect(parseNumber('1 234 567', { grouped: true })).toMatchObject({
      ok: true,
      number: { value: 1234567 },
    });
    expect(parseNumber('1,23', { grouped: true }).ok).toBe(false);
    expect(parseNumber('1,2345', { grouped: true }).ok).toBe(false);
  });
});

describe('normalizeAnswer', () => {
  it('maps look-alikes and removes code fences, idempotently', () => {
    const cases: [string, string][] = [
      ['−0.5', '-0.5'],
      ['\u00A0 0.5 \u200B', '0.5'],
      ['（１，２）', '(1,2)'],
      ['55∶294', '55:294'],
      ['```python\n[1, 2]\n```', '[1, 2]'],
      ['`T`', 'T'],
      ['1\r\n2', '1\n2'],
    ];
    for (const [raw, clean] of cases) {
      expect(normalizeAnswer(raw)).toBe(clean);
      expect(normalizeAnswer(clean)).toBe(clean);
    }
  });
});

describe('structured values', () => {
  it('reads vectors whatever the brackets', () => {
    for (const t of ['[1, 2, 3]', '(1, 2, 3)', '{1, 2, 3}', '1 2 3', '[[1], [2], [3]]']) {
      const r = parseVector(t);
      expect(r.ok && r.value.kind === 'vector' && r.value.cells.map((c) => c.value), t).toEqual([1, 2, 3]);
    }
  });

  it('reads shapes, and refuses non-shapes', () => {
    const dims = (t: string) => {
      const r = parseShape(t);
      return r.ok && r.value.kind === 'shape' ? r.value.dims : r;
    };
    expect(dims('torch.Size([2, 1, 3])')).toEqual([2, 1, 3]);
    expect(dims('2 × 1 × 3')).toEqual([2, 1, 3]);
    expect(dims('(7,)')).toEqual([7]);
    expect(dims('(2, 1.5)')).toEqual({ ok: false, code: 'not-a-shape' });
  });

  it('says empty for text with nothing in it, whatever the kind', () => {
    expect(parseValue(' `` ', { kind: 'matrix', value: [[1]] })).toEqual({ ok: false, code: 'empty' });
    expect(parseValue('', { kind: 'choice', value: 'A', options: ['A'] })).toEqual({
      ok: false,
      code: 'empty',
    });
  });
});
