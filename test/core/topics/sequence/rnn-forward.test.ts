import { describe, expect, it } from 'vitest';
import { runRnn } from '../../../../src/core/math/rnn.js';
import { PAPER_RNN, rnnForwardTopic as topic } from '../../../../src/core/topics/sequence/rnn-forward.js';
import { nearRoundingTie } from '../../../../src/core/topics/sequence/rounding.js';
import type { Part } from '../../../../src/core/types.js';
import { checkTopicProperties, expectParamsError, partById, slipValue } from '../conv/topic-properties.js';

function closeTo(actual: unknown, expected: number | number[], digits = 4): void {
  if (typeof expected === 'number') expect(actual as number).toBeCloseTo(expected, digits);
  else expected.forEach((e, i) => expect((actual as number[])[i]).toBeCloseTo(e, digits));
}

const round4 = (v: unknown): unknown =>
  typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : (v as number[]).map((x) => Math.round(x * 1e4) / 1e4);

describe('rnn-forward', () => {
  it('reproduces the paper 4(a) forward pass (output feedback, y(0) = 1)', () => {
    const params = topic.parseParams(JSON.parse(JSON.stringify(PAPER_RNN)));
    const parts = topic.solve(params);
    expect(parts.map((p) => p.id)).toEqual(['h1', 'y1', 'h2', 'y2']);
    // python3: U=np.array([[0.2,0.3],[0.8,0.9]]); W=np.array([[2.0,1.0]]); V=np.array([[0.2],[-0.2]]);
    //   b=np.array([0.2,0.2]); c=np.array([0.2]); y=np.array([1.0]); sig=lambda z: 1/(1+np.exp(-z))
    //   for x in [np.array([1.5,1.0]), np.array([-3.0,2.0])]: h=np.tanh(U.T@x+W.T@y+b); y=sig(V.T@h+c)
    // -> h(1) = [0.99728296, 0.9878804], y(1) = 0.55029941, h(2) = [0.98011998, 0.9288987], y(2) = 0.5523683
    closeTo(partById(parts, 'h1').expected.value, [0.99728296, 0.9878804], 7);
    closeTo(partById(parts, 'y1').expected.value, 0.55029941, 7);
    closeTo(partById(parts, 'h2').expected.value, [0.98011998, 0.9288987], 7);
    closeTo(partById(parts, 'y2').expected.value, 0.5523683, 7);
    for (const p of parts) expect(p.expected).toMatchObject({ dp: 4 });
    expect(partById(parts, 'y1').expected.kind).toBe('number');
    expect(partById(parts, 'h1').expected.kind).toBe('vector');
  });

  it('recognises a transposed U, forgotten biases and a missing recurrent term (paper numbers)', () => {
    const parts = topic.solve(PAPER_RNN);
    const slip = (part: Part, id: string): unknown => round4(slipValue(part, id));
    // python3 (same arrays, U instead of U.T): h(1) -> [0.9926, 0.9973], y(2) -> 0.5848
    expect(slip(partById(parts, 'h1'), 'transposed')).toEqual([0.9926, 0.9973]);
    expect(slip(partById(parts, 'y2'), 'transposed')).toBe(0.5848);
    // python3 (b = c = 0): y(1) -> 0.5007; (W = 0): h(2) -> [0.8337, 0.8005]
    expect(slip(partById(parts, 'y1'), 'forgot-bias')).toBe(0.5007);
    expect(slip(partById(parts, 'h2'), 'forgot-recurrence')).toEqual([0.8337, 0.8005]);
  });

  it('explains with the pre-activations of each step', () => {
    const steps = topic.explain(PAPER_RNN);
    // python3: U.T@[1.5,1.0] + W.T@[1.0] + b -> [3.3, 2.55]; at t = 2 -> [2.30059882, 1.65029941]
    closeTo(steps.find((s) => s.result?.name === 'u(1)')?.result?.value, [3.3, 2.55], 12);
    closeTo(steps.find((s) => s.result?.name === 'u(2)')?.result?.value, [2.30059882, 1.65029941], 7);
    expect(steps.find((s) => s.part === 'y1')?.note).toMatch(/fed back/);
    expect(topic.question(PAPER_RNN).text).toContain('Wᵀy(t−1)');
  });

  it('runs the Elman form over three steps (numpy)', () => {
    const params = topic.parseParams({
      form: 'elman',
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
      xs: [
        [1.0, 2.0],
        [-1.0, 0.5],
        [0.3, -0.2],
      ],
      initial: [0, 0, 0],
    });
    const parts = topic.solve(params);
    // python3 (same arrays): h=np.zeros(3); for x in xs: h=np.tanh(U.T@x+W.T@h+b); y=sig(V.T@h+c)
    closeTo(
      partById(parts, 'h1').expected.value,
      [0.7615941559557649, 0.46211715726000974, -0.8336546070121552],
      12,
    );
    closeTo(partById(parts, 'y2').expected.value, 0.2689749658597028, 12);
    closeTo(
      partById(parts, 'h3').expected.value,
      [-0.18575257564015094, 0.06361105752628321, 0.21933026561052613],
      12,
    );
    closeTo(partById(parts, 'y3').expected.value, 0.4745821732882262, 12);
    expect(topic.question(params).text).toContain('Wᵀh(t−1)');
  });

  it('holds the shared properties over 1,000 seeds, with exam-like, unsaturated draws', () => {
    const forms = new Set<string>();
    for (const p of checkTopicProperties(topic)) {
      forms.add(p.form);
      expect(p.xs).toHaveLength(2);
      for (const v of [p.U, p.W, p.V, p.xs].flat(2).concat(p.b, p.c))
        expect(Math.round(v * 10)).toBeCloseTo(v * 10, 9);
      for (const step of runRnn(p.form, p, p.xs, p.initial)) {
        for (const v of [...step.h, ...step.y]) expect(nearRoundingTie(v, 4)).toBe(false);
        for (const u of step.u) expect(Math.abs(u)).toBeGreaterThanOrEqual(0.1);
        for (const u of step.u) expect(Math.abs(u)).toBeLessThanOrEqual(3);
      }
    }
    expect([...forms].sort()).toEqual(['elman', 'output-feedback']);
  });

  it('refuses bad hand-typed parameters with readable messages', () => {
    expectParamsError(topic, { ...PAPER_RNN, form: 'lstm' }, /form must be one of/);
    expectParamsError(
      topic,
      {
        ...PAPER_RNN,
        W: [
          [2, 1],
          [1, 2],
        ],
      },
      /W must be a 1×2 matrix/,
    );
    expectParamsError(topic, { ...PAPER_RNN, V: [[0.2, 0.1]] }, /V must have 2 rows/);
    expectParamsError(topic, { ...PAPER_RNN, xs: [[1, 2, 3]] }, /xs\[0\] must be a list of 2 numbers/);
    expectParamsError(topic, { ...PAPER_RNN, b: [0.2, 'x'] }, /b\[1\] must be a number/);
    expectParamsError(topic, { ...PAPER_RNN, initial: [0, 0] }, /initial must be a list of 1 numbers/);
  });
});
