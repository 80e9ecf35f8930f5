import { describe, expect, it } from 'vitest';
import { denseParamCount, denseWeightCount, stackParamCount } from '../../../src/core/math/dense-params.js';

describe('dense-layer parameter counts', () => {
  it('counts inputs × outputs weights plus one bias per output', () => {
    expect(denseWeightCount({ inputs: 2, outputs: 5, bias: true })).toBe(10);
    expect(denseParamCount({ inputs: 2, outputs: 5, bias: true })).toBe(15);
    expect(denseParamCount({ inputs: 2, outputs: 5, bias: false })).toBe(10);
    // nn.Linear(784, 10): 784*10 + 10 = 7850
    expect(denseParamCount({ inputs: 784, outputs: 10, bias: true })).toBe(7850);
  });

  it('sums a stack (paper 1(a)(i): Linear(2, 5) then Linear(5, 5): 2*5 + 5 + 5*5 + 5 = 45)', () => {
    expect(
      stackParamCount([
        { inputs: 2, outputs: 5, bias: true },
        { inputs: 5, outputs: 5, bias: true },
      ]),
    ).toBe(45);
    expect(stackParamCount([])).toBe(0);
  });
});
