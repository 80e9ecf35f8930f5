import { describe, expect, it } from 'vitest';
import {
  buttonId,
  modalId,
  parseCustomId,
  parsePartFieldId,
  partFieldId,
} from '../../../src/adapters/discord/custom-ids.js';

describe('custom ids', () => {
  it('round-trip every button action and the modal', () => {
    for (const action of ['hint', 'solution', 'next'] as const) {
      expect(parseCustomId(buttonId(action, '981'))).toEqual({
        kind: 'button',
        action,
        questionId: '981',
        page: 0,
      });
    }
    expect(parseCustomId(buttonId('answer', '981', 2))).toEqual({
      kind: 'button',
      action: 'answer',
      questionId: '981',
      page: 2,
    });
    expect(parseCustomId(modalId('981', 1))).toEqual({ kind: 'modal', questionId: '981', page: 1 });
  });

  it('rejects ids this bot did not make', () => {
    for (const id of [
      '',
      'sb',
      'sb:answer',
      'sb:answer::0',
      'xx:hint:1',
      'sb:delete:1',
      'sb:answer:1:-1',
      'sb:answer:1:x',
      'sb:hint:1:0:9',
    ]) {
      expect(parseCustomId(id), id).toBeUndefined();
    }
  });

  it('maps modal text inputs to part ids', () => {
    expect(parsePartFieldId(partFieldId('dW2'))).toBe('dW2');
    expect(parsePartFieldId('other')).toBeUndefined();
    expect(parsePartFieldId('part:')).toBeUndefined();
  });

  it('refuses ids over Discord’s 100-character limit', () => {
    expect(() => buttonId('hint', '9'.repeat(100))).toThrow(/100 characters/);
  });
});
