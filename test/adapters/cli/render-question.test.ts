import { describe, expect, it } from 'vitest';
import { renderQuestion } from '../../../src/adapters/cli/render-question.js';
import type { QuestionInstance } from '../../../src/core/types.js';

describe('renderQuestion', () => {
  it('prints header, statement, givens, prompts, answers and numbered steps', () => {
    const q: QuestionInstance = {
      topicId: 't',
      seed: 9,
      params: {},
      title: 'A title',
      difficulty: 2,
      question: {
        text: 'Compute it.',
        givens: [
          {
            name: 'W',
            value: [
              [1, -2],
              [3, 4],
            ],
          },
          { name: 'x', value: [1, 2] },
        ],
        parts: [{ id: 'a', prompt: 'Give u.' }],
      },
      parts: [{ id: 'a', name: 'u', expected: { kind: 'vector', value: [-3, 11], integer: true } }],
      steps: [
        { title: 'Multiply', formula: 'u = Wᵀx', substitution: 'u = [1 × 1 + 3 × 2, ...]' },
        { title: 'Result', result: { name: 'u', value: [-3, 11] }, part: 'a', note: 'done' },
      ],
    };
    expect(renderQuestion(q, { seed: 9, paperRef: '2(b)' })).toBe(
      [
        'A title  (topic t, seed 9, difficulty 2, paper 2(b))',
        '',
        'Compute it.',
        '',
        'Given:',
        '  W =',
        '    [ 1  -2 ]',
        '    [ 3   4 ]',
        '  x = [1, 2]',
        '',
        'Answer:',
        '  a) Give u.',
        '',
        'Answers:',
        '  a) u (exact): [-3, 11]',
        '',
        'Worked solution:',
        '  1. Multiply',
        '     u = Wᵀx',
        '     u = [1 × 1 + 3 × 2, ...]',
        '  2. Result  [answers a)]',
        '     u = [-3, 11]',
        '     done',
        '',
      ].join('\n'),
    );
  });
});
