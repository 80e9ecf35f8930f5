import { describe, expect, it } from 'vitest';
import { cleanDisplayName } from '../../../src/adapters/shared/display-name.js';

describe('cleanDisplayName', () => {
  it('drops bidirectional overrides, embeddings, isolates and marks', () => {
    expect(
      cleanDisplayName('a\u202ebc\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061cd'),
    ).toBe('abcd');
  });

  it('folds line and paragraph separators, newlines and tabs into single spaces, one line', () => {
    expect(cleanDisplayName(' Ann\u2028Lee\u2029Chan\r\n\tWu\u0085Ng ')).toBe('Ann Lee Chan Wu Ng');
  });

  it('drops C0/C1 controls, zero-width spaces, word joiners and the byte-order mark', () => {
    expect(cleanDisplayName('\u0007A\u200bn\u2060n\ufeff\u009b')).toBe('Ann');
  });

  it('keeps joiners that emoji sequences and scripts need', () => {
    expect(cleanDisplayName('👩\u200d💻 می\u200cخواهم')).toBe('👩\u200d💻 می\u200cخواهم');
  });

  it('falls back when nothing visible is left, and caps the length without splitting a character', () => {
    expect(cleanDisplayName('\u202e\u2028', { fallback: 'ann_1' })).toBe('ann_1');
    expect(cleanDisplayName('🙂'.repeat(70), { max: 10 })).toBe(`${'🙂'.repeat(9)}…`);
  });
});
