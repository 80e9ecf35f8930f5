/**
 * Every dense question of the 2023/24 paper, rebuilt from the paper's own parameters, against values computed
 * independently with numpy (the one-liners are in the comments; W has shape (inputs, outputs), u = Wᵀh + b).
 * Network: W1=np.array([[3.2,-2.4,-2.1],[-1.2,-1.4,2.6]]); b1=np.full(3,.5); W2=np.array([[3.0,0],[-2.4,-4.2],
 * [-3.0,2.5]]); b2=np.full(2,.5); W3=np.array([[2.0],[-1.0]]); b3=np.array([.5]); x=np.array([1.,2.]); d=0
 * u1=W1.T@x+b1; h1=np.tanh(u1); u2=W2.T@h1+b2; h2=np.tanh(u2); u3=W3.T@h2+b3; y=1/(1+np.exp(-u3))
 * du3=y-d; du2=(W3@du3)*(1-h2**2); du1=(W2@du2)*(1-h1**2)
 */
import { describe, expect, it } from 'vitest';
import { densePaperQuestions } from '../../../../src/core/paper/dense.js';
import type { PaperQuestion } from '../../../../src/core/paper/types.js';
import { denseTopics } from '../../../../src/core/topics/dense/index.js';
import type { Part, Expected } from '../../../../src/core/types.js';

function paperQuestion(ref: string): PaperQuestion {
  const q = densePaperQuestions.find((p) => p.ref === ref);
  if (!q) throw new Error(`no paper question ${ref}`);
  return q;
}

function answers(ref: string): Map<string, Expected> {
  const q = paperQuestion(ref);
  const topic = denseTopics.find((t) => t.id === q.topicId)!;
  const parts: readonly Part[] = topic.solve(topic.parseParams(q.params));
  return new Map(parts.map((p) => [p.id, p.expected]));
}

/** Compares a number, vector or matrix entry by entry to 8 decimal places. */
function expectClose(
  actual: Expected | undefined,
  expected: number | number[] | number[][],
  digits = 8,
): void {
  expect(actual).toBeDefined();
  const a = [actual!.value].flat(2) as number[];
  const e = [expected].flat(2);
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => expect(v, `entry ${i}`).toBeCloseTo(e[i]!, digits));
}

/** Does the printed number equal the exact value rounded to the printed decimal places? */
function roundsTo(exact: number, printed: number, dp: number): boolean {
  return Math.abs(Math.round(exact * 10 ** dp) / 10 ** dp - printed) < 1e-9;
}

describe('paper questions: dense networks', () => {
  it('covers every dense reference of the paper with a registered topic and existing part ids', () => {
    expect(densePaperQuestions.map((q) => q.ref)).toEqual([
      '1(a)(i)',
      '1(b)(i)',
      '1(b)(ii)',
      '2(b), 2(c)',
      '2(d)',
      '2(e)',
      '2(f)',
    ]);
    for (const q of densePaperQuestions) {
      const topic = denseTopics.find((t) => t.id === q.topicId);
      expect(topic, q.topicId).toBeDefined();
      const ids = topic!.solve(topic!.parseParams(q.params)).map((p) => p.id);
      for (const printed of q.printed) expect(ids, `${q.ref} ${printed.partId}`).toContain(printed.partId);
    }
  });

  it('1(a)(i): Linear(2, 5) + Linear(5, 5) has 2*5+5 + 5*5+5 = 15 + 30 = 45 parameters', () => {
    const a = answers('1(a)(i)');
    expect(a.get('layer1')?.value).toBe(15);
    expect(a.get('layer2')?.value).toBe(30);
    expect(a.get('total')).toEqual({ kind: 'number', value: 45, integer: true });
  });

  it('1(b)(i): x=[1,2], w=[0.5,-1.2], b=0.3, d=1: y=-1.6, ∇y=-2(d-y)=-5.2, ∇w=-5.2x, ∇b=-5.2', () => {
    // numpy: y=w@x+b=-1.6; -2*(d-y)=-5.2; -2*(d-y)*x=[-5.2,-10.4]
    const a = answers('1(b)(i)');
    expect(a.get('dy')?.value).toBe(-5.2);
    expect(a.get('dw')?.value).toEqual([-5.2, -10.4]);
    expect(a.get('db')?.value).toBe(-5.2);
  });

  it('1(b)(ii): with β=0.1, ∇w J₁ = -2(d-y)x + 2βw and the bias gradient is NOT regularised', () => {
    // numpy: -2*(d-y)*x + 2*.1*w = [-5.1, -10.64]; ∇b J₁ = -2*(d-y) = -5.2 (the seed prints -2(d-y)xᵀ)
    const a = answers('1(b)(ii)');
    expect(a.get('dw')?.value).toEqual([-5.1, -10.64]);
    expect(a.get('db')?.value).toBe(-5.2);
  });

  it('2(b), 2(c): forward pass and binary cross-entropy (d = 0, natural log)', () => {
    const a = answers('2(b), 2(c)');
    // numpy: h1 = [0.8617231593, -0.9998345656, 0.9985079423]; h2 = [0.9863253407, 0.9999988753]
    expectClose(a.get('h1'), [0.8617231593, -0.9998345656, 0.9985079423]);
    expectClose(a.get('h2'), [0.9863253407, 0.9999988753]);
    // numpy: u3 = 1.4726518061; y = 0.8134601129; J = -np.log(1-y) = 1.6791101911
    expectClose(a.get('u3'), 1.4726518061);
    expectClose(a.get('y'), 0.8134601129);
    expectClose(a.get('loss'), 1.6791101911);
    expect(a.get('y')).toMatchObject({ kind: 'number', dp: 2 });
  });

  it('2(d): tanh′(1.3) = 1 - tanh(1.3)² and σ′(1.5) = σ(1.5)(1 - σ(1.5)); f′ = 1 - y² is option B', () => {
    const a = answers('2(d)');
    // numpy: 1-np.tanh(1.3)**2 = 0.2574331967; s=1/(1+np.exp(-1.5)); s*(1-s) = 0.1491464521
    expectClose(a.get('p1'), 0.2574331967);
    expectClose(a.get('p2'), 0.1491464521);
    expect(a.get('p3')?.value).toBe(0);
    expect(a.get('formula')).toMatchObject({ kind: 'choice', value: 'B' });
  });

  it('2(e): local gradients ∇u₃ = y - d, ∇u₂, ∇u₁', () => {
    const a = answers('2(e)');
    // numpy: du3 = 0.8134601129; du2 = [4.4190931424e-02, -1.8297792792e-06]
    // du1 = [3.4128638225e-02, -3.5085925575e-05, -3.9533101059e-04]
    expectClose(a.get('du3'), 0.8134601129);
    expectClose(a.get('du2'), [4.4190931424e-2, -1.8297792792e-6], 12);
    expectClose(a.get('du1'), [3.4128638225e-2, -3.5085925575e-5, -3.9533101059e-4], 12);
  });

  it('2(f): weight gradients h (∇u)ᵀ with the shape of W, bias gradients ∇u', () => {
    const a = answers('2(f)');
    // numpy: np.outer(h2, du3).ravel() = [0.8023363231, 0.813459198]
    expectClose(a.get('dW3'), [0.8023363231, 0.813459198]);
    expectClose(a.get('db3'), 0.8134601129);
    // numpy: np.outer(h1, du2) = [[3.8080349040e-02, -1.5767631813e-06], [-4.4183620722e-02, 1.8294765707e-06],
    //                             [4.4124996006e-02, -1.8270491430e-06]]
    expect(a.get('dW2')?.kind).toBe('matrix');
    expectClose(
      a.get('dW2'),
      [
        [3.808034904e-2, -1.5767631813e-6],
        [-4.4183620722e-2, 1.8294765707e-6],
        [4.4124996006e-2, -1.827049143e-6],
      ],
      12,
    );
    expectClose(a.get('db2'), [4.4190931424e-2, -1.8297792792e-6], 12);
    // numpy: np.outer(x, du1) = [[0.034128638225, -3.5085925575e-05, -3.9533101059e-04],
    //                            [0.06825727645, -7.017185115e-05, -7.9066202119e-04]]
    expectClose(
      a.get('dW1'),
      [
        [3.4128638225e-2, -3.5085925575e-5, -3.9533101059e-4],
        [6.825727645e-2, -7.017185115e-5, -7.9066202119e-4],
      ],
      12,
    );
    expectClose(a.get('db1'), [3.4128638225e-2, -3.5085925575e-5, -3.9533101059e-4], 12);
  });

  it('the seed file differs from the correct values exactly at u₃, ∇W₂[0][0] and h₁[2] (at 5 dp)', () => {
    const mismatches: string[] = [];
    for (const q of densePaperQuestions) {
      const a = answers(q.ref);
      for (const printed of q.printed) {
        if (typeof printed.value !== 'number' && !Array.isArray(printed.value)) continue;
        const exact = [a.get(printed.partId)!.value].flat(2) as number[];
        const shown = [printed.value].flat(2) as number[];
        exact.forEach((v, i) => {
          if (!roundsTo(v, shown[i]!, printed.dp ?? 2)) mismatches.push(`${q.ref} ${printed.partId}[${i}]`);
        });
      }
    }
    // u3: 1.4726518 -> 1.47, printed 1.48 (2-dp intermediates carried forward: 2*0.99 - 1.00 + 0.5 = 1.48).
    // ∇W₂[0][0] = h1[0]*du2[0] = 0.8617*0.0442 = +0.0381 -> 0.04, printed -0.04.
    // h1[2] = tanh(3.6) = 0.99850794 -> 0.99851 at the printed 5 dp, printed 0.99850 (truncated).
    expect(mismatches).toEqual(['2(b), 2(c) h1[2]', '2(b), 2(c) u3[0]', '2(f) dW2[0]']);
  });
});
