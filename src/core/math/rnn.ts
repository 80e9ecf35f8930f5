/**
 * Recurrent network forward passes in the course's notation (weights stored input-major, applied transposed):
 *
 *   Elman:           h(t) = tanh(Uᵀx(t) + Wᵀh(t−1) + b),   y(t) = σ(Vᵀh(t) + c)
 *   output feedback: h(t) = tanh(Uᵀx(t) + Wᵀy(t−1) + b),   y(t) = σ(Vᵀh(t) + c)
 *
 * Shapes: U is (inputs × hidden), V is (hidden × outputs); W is (hidden × hidden) for Elman and (outputs × hidden)
 * for output feedback (the 2023/24 paper's W = (2.0 1.0) feeds a scalar y back to two hidden units).
 */
import { activate, type ElementwiseActivation } from './activations.js';
import { addVectors, matTVec, shapeOf, type Matrix, type Vector } from './linalg.js';

export type RnnForm = 'elman' | 'output-feedback';

export interface RnnWeights {
  readonly U: Matrix;
  readonly W: Matrix;
  readonly V: Matrix;
  readonly b: Vector;
  readonly c: Vector;
  /** Activation of the output layer; default sigmoid. The hidden layer is always tanh. */
  readonly outputActivation?: ElementwiseActivation;
}

/** One time step, with the intermediate pre-activations an explanation shows. */
export interface RnnStep {
  /** Uᵀx(t). */
  readonly inputTerm: number[];
  /** Wᵀh(t−1) (Elman) or Wᵀy(t−1) (output feedback). */
  readonly recurrentTerm: number[];
  /** Hidden pre-activation Uᵀx(t) + Wᵀ(·) + b. */
  readonly u: number[];
  readonly h: number[];
  /** Output pre-activation Vᵀh(t) + c. */
  readonly v: number[];
  readonly y: number[];
}

/** Checks every shape against the form; throws a RangeError naming the first mismatch. */
export function checkRnnShapes(
  form: RnnForm,
  w: RnnWeights,
): { inputs: number; hidden: number; outputs: number } {
  const [inputs, hidden] = shapeOf(w.U);
  const [vRows, outputs] = shapeOf(w.V);
  const [wRows, wCols] = shapeOf(w.W);
  if (inputs < 1 || hidden < 1 || outputs < 1) throw new RangeError('U and V must be non-empty');
  if (vRows !== hidden)
    throw new RangeError(`V must have ${hidden} rows (one per hidden unit), has ${vRows}`);
  const feedback = form === 'elman' ? hidden : outputs;
  if (wRows !== feedback || wCols !== hidden) {
    throw new RangeError(`W must be ${feedback}×${hidden} for the ${form} form, is ${wRows}×${wCols}`);
  }
  if (w.b.length !== hidden) throw new RangeError(`b must have ${hidden} entries, has ${w.b.length}`);
  if (w.c.length !== outputs) throw new RangeError(`c must have ${outputs} entries, has ${w.c.length}`);
  return { inputs, hidden, outputs };
}

/**
 * One step, the same arithmetic for both forms: `previous` is h(t−1) for Elman and y(t−1) for output feedback.
 */
function rnnStep(w: RnnWeights, x: Vector, previous: Vector): RnnStep {
  const inputTerm = matTVec(w.U, x);
  const recurrentTerm = matTVec(w.W, previous);
  const u = addVectors(addVectors(inputTerm, recurrentTerm), w.b);
  const h = activate('tanh', u);
  const v = addVectors(matTVec(w.V, h), w.c);
  const y = activate(w.outputActivation ?? 'sigmoid', v);
  return { inputTerm, recurrentTerm, u, h, v, y };
}

/** Elman step: h(t) = tanh(Uᵀx(t) + Wᵀh(t−1) + b), y(t) = σ(Vᵀh(t) + c). */
export function elmanStep(w: RnnWeights, x: Vector, hPrev: Vector): RnnStep {
  return rnnStep(w, x, hPrev);
}

/** Output-feedback step: h(t) = tanh(Uᵀx(t) + Wᵀy(t−1) + b), y(t) = σ(Vᵀh(t) + c). */
export function outputFeedbackStep(w: RnnWeights, x: Vector, yPrev: Vector): RnnStep {
  return rnnStep(w, x, yPrev);
}

/**
 * The forward pass over a sequence x(1..T). `initial` is h(0) (Elman) or y(0) (output feedback).
 * Returns one RnnStep per time step.
 */
export function runRnn(form: RnnForm, w: RnnWeights, xs: readonly Vector[], initial: Vector): RnnStep[] {
  const { inputs, hidden, outputs } = checkRnnShapes(form, w);
  const stateSize = form === 'elman' ? hidden : outputs;
  if (initial.length !== stateSize) {
    throw new RangeError(`the initial ${form === 'elman' ? 'h(0)' : 'y(0)'} must have ${stateSize} entries`);
  }
  const steps: RnnStep[] = [];
  let previous: Vector = initial;
  for (const x of xs) {
    if (x.length !== inputs) throw new RangeError(`every x(t) must have ${inputs} entries`);
    const step = rnnStep(w, x, previous);
    steps.push(step);
    previous = form === 'elman' ? step.h : step.y;
  }
  return steps;
}
