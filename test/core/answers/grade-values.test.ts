import { describe, expect, it } from 'vitest';
import { describeExpected, gradePart } from '../../../src/core/answers/index.js';
import { part } from './helpers.js';

describe('vectors', () => {
  const v = part({ kind: 'vector', value: [1.3, -4.7, 3.6], dp: 1 });

  it.each([
    '[1.3, -4.7, 3.6]',
    '(1.3, -4.7, 3.6)',
    '1.3 -4.7 3.6',
    '1.3, -4.7, 3.6',
    '1.3,-4.7,3.6',
    '[1.3 -4.7 3.6]',
    '[1.3, −4.7, 3.6]',
    '[[1.3], [-4.7], [3.6]]',
    '[[1.3, -4.7, 3.6]]',
    '1.3; -4.7; 3.6',
    '1.3\n-4.7\n3.6',
    '[1.3,\n -4.7, 3.6]',
    'np.array([1.3, -4.7, 3.6])',
    'torch.tensor([1.3, -4.7, 3.6])',
    '```\n[1.3, -4.7, 3.6]\n```',
    '[13/10, -47/10, 3.6]',
    '[1.30, -4.70, 3.60]',
  ])('reads %j', (typed) => {
    expect(gradePart(v, typed)).toMatchObject({ status: 'correct', credit: 1 });
  });

  it('gives partial credit and names the wrong cells', () => {
    const g = gradePart(v, '[1.3, -4.8, 3.6]');
    expect(g).toMatchObject({ status: 'wrong', wrongCells: [[0, 1]] });
    expect(g.credit).toBeCloseTo(2 / 3, 12);
    expect(gradePart(v, '[1.4, -4.8, 3.7]')).toMatchObject({ status: 'wrong', credit: 0 });
  });

  it('is coarse when every cell is right but some are too coarse', () => {
    const w = part({ kind: 'vector', value: [0.8135, 1.5], dp: 2 });
    expect(gradePart(w, '[0.8, 1.5]')).toMatchObject({
      status: 'coarse',
      credit: 0.5,
      coarseCells: [[0, 0]],
      requiredDp: 2,
    });
    expect(gradePart(w, '[0.81, 1.5]')).toMatchObject({ status: 'correct', credit: 1 });
    const g = gradePart(w, '[0.8, 1.6]');
    expect(g).toMatchObject({ status: 'wrong', credit: 0, wrongCells: [[0, 1]], coarseCells: [[0, 0]] });
  });

  it('refuses a wrong length or a matrix, saying what size it wants', () => {
    expect(gradePart(v, '[1.3, -4.7]')).toMatchObject({
      status: 'invalid',
      syntax: { code: 'wrong-length', expected: 'a vector of 3 numbers' },
    });
    expect(gradePart(v, '[[1, 2], [3, 4]]').syntax?.code).toBe('not-a-vector');
    expect(gradePart(v, '[1.3, x, 3.6]').syntax?.code).toBe('not-a-vector');
    expect(gradePart(v, '[1.3, -4.7, 3.6').syntax?.code).toBe('not-a-vector');
    expect(gradePart(v, '[1.3,, 3.6]').syntax?.code).toBe('not-a-vector');
    expect(gradePart(v, '[]').syntax?.code).toBe('not-a-vector');
    expect(gradePart(v, '[1/0, 2, 3]').syntax?.code).toBe('division-by-zero');
  });

  it('grades integer vectors exactly', () => {
    const counts = part({ kind: 'vector', value: [3534, 12], integer: true });
    expect(gradePart(counts, '[3534, 12]').status).toBe('correct');
    expect(gradePart(counts, '[3534.0, 12]').status).toBe('correct');
    expect(gradePart(counts, '[3534.4, 12]').status).toBe('wrong');
  });
});

describe('matrices', () => {
  const m = part(
    {
      kind: 'matrix',
      value: [
        [0.03, 0, 0],
        [0.07, 0, 0.125],
      ],
      dp: 2,
    },
    undefined,
    'dW2',
  );

  it.each([
    '[[0.03, 0, 0], [0.07, 0, 0.13]]',
    '[[0.03,0,0],[0.07,0,0.12]]',
    '[0.03 0 0; 0.07 0 0.13]',
    '[0.03, 0, 0; 0.07, 0, 0.13]',
    '0.03 0 0; 0.07 0 0.13',
    '0.03 0 0\n0.07 0 0.13',
    '0.03, 0, 0\n0.07, 0, 0.13\n',
    '[0.03, 0, 0]\n[0.07, 0, 0.13]',
    '[0.03, 0, 0], [0.07, 0, 0.13]',
    '[[0.03 0 0] [0.07 0 0.13]]',
    '[[0.03, 0, 0],\n [0.07, 0, 0.13]]',
    '[[0.03, 0, 0];[0.07, 0, 0.13]]',
    '((0.03, 0, 0), (0.07, 0, 0.13))',
    'np.array([[0.03, 0, 0], [0.07, 0, 0.13]])',
    'np.array([[0.03, 0, 0], [0.07, 0, 0.13]], dtype=float)',
    '[[.03, 0, 0], [.07, 0, .125]]',
    'dW2: [[0.03, 0, 0], [0.07, 0, 0.13]]',
  ])('reads %j', (typed) => {
    expect(gradePart(m, typed)).toMatchObject({ status: 'correct', credit: 1 });
  });

  it('gives per-cell credit', () => {
    const g = gradePart(m, '[[0.03, 0, 0], [0.07, 0.01, 0.2]]');
    expect(g).toMatchObject({
      status: 'wrong',
      wrongCells: [
        [1, 1],
        [1, 2],
      ],
    });
    expect(g.credit).toBeCloseTo(4 / 6, 12);
  });

  it('refuses other sizes and ragged rows, naming the size it wants', () => {
    expect(gradePart(m, '[[1, 2], [3, 4]]')).toMatchObject({
      status: 'invalid',
      credit: 0,
      syntax: { code: 'wrong-dimensions', expected: 'a 2×3 matrix' },
    });
    expect(gradePart(m, '[[1, 2, 3], [4, 5]]').syntax?.code).toBe('ragged-matrix');
    expect(gradePart(m, '1 2 3; 4 5').syntax?.code).toBe('ragged-matrix');
    expect(gradePart(m, '1 2 3 4 5 6').syntax?.code).toBe('not-a-matrix');
    expect(gradePart(m, '[[[1]]]').syntax?.code).toBe('not-a-matrix');
    expect(gradePart(m, 'W = ?').syntax?.code).toBe('not-a-matrix');
    expect(gradePart(m, '[[1, 2, 3], [4, 5, 6/0]]').syntax?.code).toBe('division-by-zero');
  });

  it('takes a single row or column in either orientation, or flat', () => {
    const col = part({ kind: 'matrix', value: [[0.5], [-1.25], [2]], dp: 2 });
    for (const t of ['[[0.5], [-1.25], [2]]', '[[0.5, -1.25, 2]]', '[0.5, -1.25, 2]', '0.5; -1.25; 2']) {
      expect(gradePart(col, t).status, t).toBe('correct');
    }
    const row = part({ kind: 'matrix', value: [[0.5, -1.25]], dp: 2 });
    for (const t of ['[[0.5, -1.25]]', '[0.5, -1.25]', '[[0.5], [-1.25]]']) {
      expect(gradePart(row, t).status, t).toBe('correct');
    }
  });

  it('names a transposed non-square matrix instead of calling it a size error', () => {
    const g = gradePart(m, '[[0.03, 0.07], [0, 0], [0, 0.13]]');
    expect(g).toMatchObject({ status: 'wrong', credit: 0, slip: { id: 'transposed' } });
    // The transpose with a mistake in it is a size error.
    expect(gradePart(m, '[[0.03, 0.07], [0, 0], [0, 0.5]]').syntax?.code).toBe('wrong-dimensions');
  });

  it('names a transposed square matrix, but not a symmetric one', () => {
    const sq = part({
      kind: 'matrix',
      value: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(gradePart(sq, '[[1, 3], [2, 4]]')).toMatchObject({ status: 'wrong', slip: { id: 'transposed' } });
    const sym = part({
      kind: 'matrix',
      value: [
        [1, 2],
        [2, 1],
      ],
    });
    expect(gradePart(sym, '[[1, 2], [2, 5]]').slip).toBeUndefined();
  });

  it('prefers a slip the topic listed over the automatic transposition', () => {
    const listed = part(
      {
        kind: 'matrix',
        value: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      },
      [
        {
          id: 'transposed-w',
          message: 'W is transposed in this course.',
          value: [
            [1, 4],
            [2, 5],
            [3, 6],
          ],
        },
      ],
    );
    expect(gradePart(listed, '[[1, 4], [2, 5], [3, 6]]').slip?.id).toBe('transposed-w');
  });
});

describe('shapes', () => {
  const s = part({ kind: 'shape', value: [2, 1, 3] });

  it.each([
    '(2, 1, 3)',
    '(2,1,3)',
    '2x1x3',
    '2×1×3',
    '2 x 1 x 3',
    '2X1X3',
    '2*1*3',
    '[2, 1, 3]',
    '2, 1, 3',
    '2 1 3',
    'torch.Size([2, 1, 3])',
    'Size([2, 1, 3])',
    'shape: (2, 1, 3)',
  ])('reads %j', (typed) => {
    expect(gradePart(s, typed).status).toBe('correct');
  });

  it('needs the exact tuple; another rank is wrong, not invalid', () => {
    expect(gradePart(s, '(2, 3, 1)').status).toBe('wrong');
    expect(gradePart(s, '(2, 3)').status).toBe('wrong');
    expect(gradePart(s, '(2, 1, 3, 1)').status).toBe('wrong');
  });

  it('reads 1-D and scalar shapes', () => {
    expect(gradePart(part({ kind: 'shape', value: [5] }), '(5,)').status).toBe('correct');
    expect(gradePart(part({ kind: 'shape', value: [5] }), '5').status).toBe('correct');
    expect(gradePart(part({ kind: 'shape', value: [] }), '()').status).toBe('correct');
    expect(gradePart(part({ kind: 'shape', value: [] }), 'torch.Size([])').status).toBe('correct');
  });

  it('refuses non-integer, negative and nested sizes', () => {
    for (const t of ['(2.5, 1, 3)', '(-2, 1, 3)', '(2e1, 1)', '[[2, 1, 3]]', 'two by three', '(2, 1, 3']) {
      expect(gradePart(s, t).syntax?.code, t).toBe('not-a-shape');
    }
  });
});

describe('ratios', () => {
  // 55/294 = 0.18707482993197277 -> 0.1871 at 4 dp; 294/55 = 5.345454545... -> 5.345 at 3 dp
  // python3 -c 'print(55/294, round(55/294, 4), 294/55)'
  const r = part({ kind: 'ratio', value: [55, 294], dp: 4 });

  it.each([
    ['55:294', 'correct'],
    ['55 : 294', 'correct'],
    ['110:588', 'correct'],
    ['55/294', 'correct'],
    ['0.1871', 'correct'],
    ['.1871', 'correct'],
    ['1:5.345', 'correct'],
    ['1 : 5.345', 'correct'],
    ['0.1871:1', 'correct'],
    ['1.871e-1', 'correct'],
    ['0.187', 'coarse'],
    ['1:5.35', 'coarse'],
    ['0.1870', 'wrong'],
    ['1:5.34', 'wrong'],
    ['56:294', 'wrong'],
    ['294:55', 'wrong'],
    ['1:5', 'wrong'],
    ['0.55:2.94', 'correct'], // 0.55/2.94 = 55/294 exactly
    ['0.56:2.94', 'wrong'],
  ])('55:294 at dp 4: %s is %s', (typed, expected) => {
    expect(gradePart(r, typed).status).toBe(expected);
  });

  it('asks for the decimal places of the decimal form', () => {
    expect(gradePart(r, '0.187')).toMatchObject({ status: 'coarse', requiredDp: 4 });
  });

  it('refuses malformed ratios', () => {
    expect(gradePart(r, '55:').syntax?.code).toBe('not-a-ratio');
    expect(gradePart(r, 'a:b').syntax?.code).toBe('not-a-ratio');
    expect(gradePart(r, '1:2:3').syntax?.code).toBe('not-a-ratio');
    expect(gradePart(r, '55:0').syntax?.code).toBe('division-by-zero');
    expect(gradePart(r, '55/0').syntax?.code).toBe('division-by-zero');
  });
});

describe('true/false and options', () => {
  const tf = part({ kind: 'boolean', value: true });
  const mc = part({ kind: 'choice', value: 'B', options: ['A', 'B', 'C', 'D'] });

  it.each(['T', 't', 'true', 'TRUE', 'True', 'yes', 'Y', '(T)', 'True.', ' true '])(
    'reads %j as true',
    (typed) => {
      expect(gradePart(tf, typed).status).toBe('correct');
    },
  );

  it.each(['F', 'f', 'false', 'no', 'N', 'False!'])('reads %j as false', (typed) => {
    expect(gradePart(tf, typed).status).toBe('wrong');
  });

  it.each(['B', 'b', '(b)', 'b)', '(B)', 'B.', '[b]', 'option B', 'Option b', 'answer: B'])(
    'reads option %j',
    (typed) => {
      expect(gradePart(mc, typed).status).toBe('correct');
    },
  );

  it('marks another option wrong and refuses what is not an option', () => {
    expect(gradePart(mc, 'C').status).toBe('wrong');
    expect(gradePart(mc, 'E')).toMatchObject({
      status: 'invalid',
      syntax: { code: 'not-an-option', expected: 'one of A, B, C, D' },
    });
    expect(gradePart(mc, 'B because it is').syntax?.code).toBe('not-an-option');
    expect(gradePart(tf, 'maybe')).toMatchObject({
      status: 'invalid',
      syntax: { code: 'not-true-false', expected: 'T or F' },
    });
  });
});

describe('slips', () => {
  it('names the first listed slip the wrong answer matches, by the same rounding rule', () => {
    const p = part({ kind: 'number', value: 3534, integer: true }, [
      { id: 'forgot-bias', message: 'Forgot the bias?', value: 3520 },
      { id: 'ignored-padding', message: 'Padding?', value: 2890 },
    ]);
    expect(gradePart(p, '3520')).toMatchObject({
      status: 'wrong',
      slip: { id: 'forgot-bias', message: 'Forgot the bias?' },
    });
    expect(gradePart(p, '2,890').slip?.id).toBe('ignored-padding');
    expect(gradePart(p, '3000').slip).toBeUndefined();
    expect(gradePart(p, '3534').slip).toBeUndefined();

    const q = part({ kind: 'number', value: 0.8135, dp: 2 }, [
      { id: 'dropped-2', message: 'The 2 of the squared error?', value: 0.40675 },
    ]);
    expect(gradePart(q, '0.41').slip?.id).toBe('dropped-2');
    expect(gradePart(q, '0.4068').slip?.id).toBe('dropped-2');
    expect(gradePart(q, '0.42').slip).toBeUndefined();
  });

  it('recognises a slip of another size instead of refusing the size', () => {
    const p = part({ kind: 'vector', value: [1, 2, 3] }, [
      { id: 'forgot-bias', message: 'Bias?', value: [1, 2] },
    ]);
    expect(gradePart(p, '[1, 2]')).toMatchObject({ status: 'wrong', slip: { id: 'forgot-bias' } });
    expect(gradePart(p, '[1, 5]').syntax?.code).toBe('wrong-length');
  });

  it('recognises slips on shapes, ratios, booleans and options', () => {
    expect(
      gradePart(
        part({ kind: 'shape', value: [2, 1, 3] }, [{ id: 'swap', message: 'm', value: [2, 3, 1] }]),
        '2x3x1',
      ).slip?.id,
    ).toBe('swap');
    expect(
      gradePart(part({ kind: 'ratio', value: [1, 9] }, [{ id: 'inv', message: 'm', value: [9, 1] }]), '9:1')
        .slip?.id,
    ).toBe('inv');
    expect(
      gradePart(part({ kind: 'boolean', value: true }, [{ id: 'bn', message: 'm', value: false }]), 'F').slip
        ?.id,
    ).toBe('bn');
    const mc = part({ kind: 'choice', value: 'B', options: ['A', 'B', 'C'] }, [
      { id: 'lr', message: 'm', value: 'C' },
    ]);
    expect(gradePart(mc, 'c').slip?.id).toBe('lr');
    expect(gradePart(mc, 'A').slip).toBeUndefined();
  });
});

describe('refusals and describeExpected', () => {
  it('refuses empty and over-long text', () => {
    const p = part({ kind: 'number', value: 1 });
    expect(gradePart(p, '')).toMatchObject({ status: 'invalid', syntax: { code: 'empty' } });
    expect(gradePart(p, '  \n ')).toMatchObject({ status: 'invalid', syntax: { code: 'empty' } });
    expect(gradePart(p, '``````').syntax?.code).toBe('empty');
    const long = gradePart(p, '1'.repeat(1001));
    expect(long).toMatchObject({ status: 'invalid', credit: 0, syntax: { code: 'too-long' } });
    expect(long.typed.length).toBe(1000);
    expect(gradePart(p, ` ${'1'.repeat(999)} `).syntax?.code).toBe('not-a-number'); // 999 ones: read, not refused
  });

  it('describes each kind without giving the answer away', () => {
    expect(describeExpected({ kind: 'number', value: 0.5 })).toBe('a number');
    expect(describeExpected({ kind: 'number', value: 5, integer: true })).toBe('a whole number');
    expect(describeExpected({ kind: 'vector', value: [1, 2, 3] })).toBe('a vector of 3 numbers');
    expect(
      describeExpected({
        kind: 'matrix',
        value: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      }),
    ).toBe('a 2×3 matrix');
    expect(describeExpected({ kind: 'shape', value: [4, 4] })).toBe('a shape like (2, 1, 3)');
    expect(describeExpected({ kind: 'shape', value: [2, 1, 3] })).toBe('a shape like (4, 5)');
    expect(describeExpected({ kind: 'boolean', value: true })).toBe('T or F');
    expect(describeExpected({ kind: 'choice', value: 'A', options: ['A', 'B', 'C', 'D'] })).toBe(
      'one of A, B, C, D',
    );
    expect(describeExpected({ kind: 'ratio', value: [1, 2] })).toMatch(/ratio/);
  });
});
