import { describe, expect, it } from 'vitest';
import { elmanStep, outputFeedbackStep, runRnn, type RnnWeights } from '../../../src/core/math/rnn.js';

/** The 2023/24 paper, question 4(a): two hidden units fed back a scalar output. */
const paper: RnnWeights = {
  U: [
    [0.2, 0.3],
    [0.8, 0.9],
  ],
  W: [[2.0, 1.0]],
  V: [[0.2], [-0.2]],
  b: [0.2, 0.2],
  c: [0.2],
};

function expectClose(actual: readonly number[], expected: readonly number[], digits = 12): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i]!, digits));
}

describe('output-feedback RNN', () => {
  it('reproduces the paper 4(a) forward pass (numpy)', () => {
    // python3: U=np.array([[0.2,0.3],[0.8,0.9]]); W=np.array([[2.0,1.0]]); V=np.array([[0.2],[-0.2]]);
    //   b=np.array([0.2,0.2]); c=np.array([0.2]); y=np.array([1.0]); sig=lambda z:1/(1+np.exp(-z))
    //   for x in [np.array([1.5,1.0]), np.array([-3.0,2.0])]: u=U.T@x+W.T@y+b; h=np.tanh(u); y=sig(V.T@h+c)
    // -> u(1) = [3.3, 2.55], h(1) = [0.99728296, 0.9878804], y(1) = [0.55029941]
    // -> u(2) = [2.30059882, 1.65029941], h(2) = [0.98011998, 0.9288987], y(2) = [0.5523683]
    const [s1, s2] = runRnn(
      'output-feedback',
      paper,
      [
        [1.5, 1],
        [-3.0, 2.0],
      ],
      [1],
    );
    expectClose(s1!.u, [3.3, 2.55]);
    expectClose(s1!.h, [0.99728296, 0.9878804], 7);
    expectClose(s1!.y, [0.55029941], 7);
    expectClose(s2!.u, [2.30059882, 1.65029941], 7);
    expectClose(s2!.h, [0.98011998, 0.9288987], 7);
    expectClose(s2!.y, [0.5523683], 7);
    // the step function alone gives the same first step
    expectClose(outputFeedbackStep(paper, [1.5, 1], [1]).h, s1!.h);
  });

  it('rejects weights whose shapes do not fit the form', () => {
    expect(() => runRnn('elman', paper, [[1, 1]], [0, 0])).toThrow(/W must be 2×2/);
    expect(() => runRnn('output-feedback', { ...paper, b: [0.2] }, [[1, 1]], [1])).toThrow(/b must have 2/);
    expect(() => runRnn('output-feedback', paper, [[1, 1, 1]], [1])).toThrow(/x\(t\)/);
  });
});

describe('Elman RNN', () => {
  it('matches numpy over three steps from h(0) = 0', () => {
    const w: RnnWeights = {
      U: [
        [0.5, -0.3, 0.1],
        [0.2, 0.4, -0.6],
      ],
      W: [
        [0.1, 0.2, 0.0],
        [-0.3, 0.5, 0.2],
        [0.4, 0.0, -0.1],
      ],
      V: [[1.0], [-0.5], [0.3]],
      b: [0.1, 0.0, -0.1],
      c: [0.05],
    };
    // python3 (same arrays): h=np.zeros(3); for x in xs: h=np.tanh(U.T@x+W.T@h+b); y=sig(V.T@h+c)
    const steps = runRnn(
      'elman',
      w,
      [
        [1.0, 2.0],
        [-1.0, 0.5],
        [0.3, -0.2],
      ],
      [0, 0, 0],
    );
    expectClose(steps[0]!.h, [0.7615941559557649, 0.46211715726000974, -0.8336546070121552]);
    expectClose(steps[0]!.y, [0.5818662359660205]);
    expectClose(steps[1]!.h, [-0.601782862489112, 0.7081072736338129, -0.3133096491158472]);
    expectClose(steps[1]!.y, [0.2689749658597028]);
    expectClose(steps[2]!.h, [-0.18575257564015094, 0.06361105752628321, 0.21933026561052613]);
    expectClose(steps[2]!.y, [0.4745821732882262]);
    expectClose(elmanStep(w, [-1.0, 0.5], steps[0]!.h).h, steps[1]!.h);
  });
});
