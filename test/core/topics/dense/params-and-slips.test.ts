/**
 * Hand-typed parameters are validated with readable messages, and the classic slips of each dense topic produce
 * the wrong values a student who makes them would type (computed here by hand or with numpy, see comments).
 */
import { describe, expect, it } from 'vitest';
import { densePaperQuestions } from '../../../../src/core/paper/dense.js';
import { denseTopics } from '../../../../src/core/topics/dense/index.js';
import { type Part, TopicParamsError, type Topic } from '../../../../src/core/types.js';

function topic(id: string): Topic<unknown> {
  return denseTopics.find((t) => t.id === id)!;
}

function paperParams(id: string): unknown {
  return densePaperQuestions.find((q) => q.topicId === id)!.params;
}

function slip(id: string, params: unknown, partId: string, slipId: string): unknown {
  const t = topic(id);
  const part: Part | undefined = t.solve(t.parseParams(params)).find((p) => p.id === partId);
  return part?.slips?.find((s) => s.id === slipId)?.value;
}

function rejects(id: string, params: unknown, message: RegExp): void {
  expect(() => topic(id).parseParams(params)).toThrow(TopicParamsError);
  expect(() => topic(id).parseParams(params)).toThrow(message);
}

const NET = paperParams('mlp-forward') as { x: number[]; layers: { W: number[][]; b: number[] }[] };

describe('parseParams of the dense topics', () => {
  it('dense-params: layers must chain, with integer sizes and a bias flag', () => {
    const layer = (inputs: number, outputs: number) => ({ inputs, outputs, bias: true, activation: 'none' });
    rejects(
      'dense-params',
      { layers: [layer(2, 5), layer(4, 5)] },
      /layers\[1\] takes 4 inputs but layers\[0\] has 5/,
    );
    rejects('dense-params', { layers: [layer(2, 0)] }, /layers\[0\]: "outputs" must be an integer between 1/);
    rejects(
      'dense-params',
      { layers: [{ inputs: 2, outputs: 3, activation: 'none' }] },
      /"bias" must be true or false/,
    );
    rejects(
      'dense-params',
      { layers: [{ ...layer(2, 3), activation: 'gelu' }] },
      /"activation" must be one of/,
    );
    rejects('dense-params', { layers: [] }, /"layers" must be an array of 1 to 6/);
  });

  it('linear neurons: x and w of equal length, numbers only, β for L2', () => {
    rejects(
      'linear-neuron-gradients',
      { x: [1, 2], w: [1], b: 0, d: 1 },
      /"w" must have as many entries as "x"/,
    );
    rejects('linear-neuron-gradients', { x: [1, 'two'], w: [1, 2], b: 0, d: 1 }, /"x\[1\]" must be a number/);
    rejects('l2-gradients', { x: [1, 2], w: [1, 2], b: 0, d: 1 }, /"beta" must be a number between 0 and 10/);
  });

  it('networks: W rows match the layer inputs, one sigmoid output, d is 0 or 1; dp defaults to 2', () => {
    const [l1, l2, l3] = NET.layers;
    rejects('mlp-forward', { ...NET, layers: [l2, l2, l3] }, /layers\[0\]\.W must have 2 rows/);
    rejects('backprop-deltas', { ...NET, layers: [l1, l2] }, /last layer must have exactly 1 output/);
    rejects('backprop-weights', { ...NET, d: 0.5 }, /"d" must be an integer between 0 and 1/);
    rejects(
      'mlp-forward',
      { ...NET, layers: [{ ...l1, b: [0.5] }, l2, l3] },
      /layers\[0\]: "b" must be an array of 3/,
    );
    rejects(
      'mlp-forward',
      {
        ...NET,
        layers: [
          {
            ...l1,
            W: [
              [1, 2, 3],
              [4, 5],
            ],
          },
          l2,
          l3,
        ],
      },
      /"W" must be a matrix/,
    );
    const { dp: _dp, ...withoutDp } = paperParams('mlp-forward') as Record<string, unknown>;
    expect(topic('mlp-forward').parseParams(withoutDp)).toMatchObject({ dp: 2 });
  });

  it('activation-derivatives: ReLU′ is undefined at 0; the options must contain the right expression', () => {
    const ok = paperParams('activation-derivatives') as { points: unknown[]; formula: { fn: string } };
    rejects(
      'activation-derivatives',
      { ...ok, points: [{ fn: 'relu', u: 0 }] },
      /points\[0\]: "u" must be a number/,
    );
    rejects(
      'activation-derivatives',
      { ...ok, formula: { fn: 'tanh', options: ['y(1 − y)', '1 − y', '1 + y²', 'y²'] } },
      /must include the correct expression "1 − y²"/,
    );
    rejects(
      'activation-derivatives',
      { ...ok, formula: { fn: 'tanh', options: ['1 − y²', '1 − y²', '1 + y²', 'y²'] } },
      /4 different expressions/,
    );
  });
});

describe('slips of the dense topics', () => {
  it('dense-params: forgetting the biases of Linear(2,5), Linear(5,5) gives 2*5 + 5*5 = 35', () => {
    expect(slip('dense-params', paperParams('dense-params'), 'total', 'forgot-bias')).toBe(35);
    expect(slip('dense-params', paperParams('dense-params'), 'layer1', 'forgot-bias')).toBe(10);
    // One bias per input instead of per output: 2*5 + 2 = 12.
    expect(slip('dense-params', paperParams('dense-params'), 'layer1', 'bias-per-input')).toBe(12);
    // bias=False counted anyway: 3*4 + 4 = 16 instead of 12.
    const noBias = { layers: [{ inputs: 3, outputs: 4, bias: false, activation: 'none' }] };
    expect(slip('dense-params', noBias, 'layer1', 'counted-missing-bias')).toBe(16);
  });

  it('linear neuron (x=[1,2], w=[0.5,-1.2], b=0.3, d=1; d-y = 2.6): dropped 2 and flipped sign', () => {
    const p = paperParams('linear-neuron-gradients');
    expect(slip('linear-neuron-gradients', p, 'dy', 'dropped-2')).toBe(-2.6);
    expect(slip('linear-neuron-gradients', p, 'dy', 'sign-flipped')).toBe(5.2);
    expect(slip('linear-neuron-gradients', p, 'dw', 'dropped-2')).toEqual([-2.6, -5.2]);
  });

  it('L2 (β = 0.1): βw instead of 2βw, dropped 2, regularised bias', () => {
    const p = paperParams('l2-gradients');
    // numpy: -2*e*x + .1*w = [-5.15, -10.52]; -e*x + .2*w = [-2.5, -5.44]; -2*e + .2*b = -5.14
    expect(slip('l2-gradients', p, 'dw', 'dropped-2beta')).toEqual([-5.15, -10.52]);
    expect(slip('l2-gradients', p, 'dw', 'dropped-2')).toEqual([-2.5, -5.44]);
    expect(slip('l2-gradients', p, 'dw', 'forgot-regulariser')).toEqual([-5.2, -10.4]);
    expect(slip('l2-gradients', p, 'db', 'regularised-bias')).toBe(-5.14);
  });

  it('MLP forward (paper network): log10 instead of ln, the wrong cross-entropy term, forgot the bias', () => {
    const p = paperParams('mlp-forward');
    // numpy: -np.log10(1-0.8134601129) = 0.7292282904; -np.log(0.8134601129) = 0.2064583850
    expect(slip('mlp-forward', p, 'loss', 'log10')).toBeCloseTo(0.7292282904, 9);
    expect(slip('mlp-forward', p, 'loss', 'wrong-target-term')).toBeCloseTo(0.206458385, 9);
    // u3 without b3: 1.4726518061 - 0.5
    expect(slip('mlp-forward', p, 'u3', 'forgot-bias')).toBeCloseTo(0.9726518061, 9);
  });

  it('backprop: transposed weight gradient, missing tanh′, σ′ multiplied twice', () => {
    const p = paperParams('backprop-weights');
    const t = topic('backprop-weights');
    const dW1 = t.solve(t.parseParams(p)).find((x) => x.id === 'dW1')!.expected.value as number[][];
    const transposed = slip('backprop-weights', p, 'dW1', 'transposed') as number[][];
    expect(transposed).toHaveLength(3);
    expect(transposed.map((row) => row.length)).toEqual([2, 2, 2]);
    transposed.forEach((row, j) => row.forEach((v, i) => expect(v).toBe(dW1[i]![j])));
    // W3 ∇u3 without ⊙(1 - h2²): [2, -1] * 0.8134601129
    const noDeriv = slip('backprop-deltas', p, 'du2', 'forgot-activation-derivative') as number[];
    expect(noDeriv[0]).toBeCloseTo(1.6269202258, 9);
    expect(noDeriv[1]).toBeCloseTo(-0.8134601129, 9);
    // (y - d) y (1 - y) = 0.8134601129**2 * (1 - 0.8134601129) = 0.1234380...
    expect(slip('backprop-deltas', p, 'du3', 'extra-sigmoid-derivative')).toBeCloseTo(
      0.8134601129 ** 2 * (1 - 0.8134601129),
      9,
    );
  });
});
