/**
 * Shared vocabulary of the pure core: values, answer specifications, question text and worked-solution steps.
 * Nothing here does I/O; adapters render these structures for their platform.
 */
import type { Rng } from './rng.js';

/** A number, a vector, a matrix (rows), or a short text (e.g. a shape like "(2, 1, 3)"). */
export type Value = number | readonly number[] | readonly (readonly number[])[] | string;

/** What a part of a question expects, with the exact answer. */
export type Expected =
  /**
   * A real number. `dp` is the number of decimal places the question asks for (answers must be at least that
   * precise); `integer` marks counts (parameter counts, sizes), which must be typed exactly.
   */
  | { readonly kind: 'number'; readonly value: number; readonly dp?: number; readonly integer?: boolean }
  | {
      readonly kind: 'vector';
      readonly value: readonly number[];
      readonly dp?: number;
      readonly integer?: boolean;
    }
  | {
      readonly kind: 'matrix';
      readonly value: readonly (readonly number[])[];
      readonly dp?: number;
      readonly integer?: boolean;
    }
  /** A tensor shape such as (2, 1, 3): integers, order matters. */
  | { readonly kind: 'shape'; readonly value: readonly number[] }
  /** A ratio a:b of positive integers, accepted in any equivalent form (55:294, 110:588, 0.1871 at 4 dp...). */
  | { readonly kind: 'ratio'; readonly value: readonly [number, number]; readonly dp?: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** Multiple choice: `value` is the correct option letter, `options` the letters offered (e.g. ['A','B','C','D']). */
  | { readonly kind: 'choice'; readonly value: string; readonly options: readonly string[] };

export type ExpectedKind = Expected['kind'];

/** A known wrong answer (a classic slip) that the checker can recognise and name in its feedback. */
export interface Slip {
  /** Stable id, e.g. 'forgot-bias', 'ignored-padding', 'depthwise-as-full', 'dropped-2', 'dropped-2beta', 'transposed'. */
  readonly id: string;
  /** What the student probably did, addressed to the student, e.g. "It looks like you forgot the bias terms." */
  readonly message: string;
  /** The value that slip produces (same kind as the part's expected value). */
  readonly value: Expected['value'];
}

/**
 * One part of a question with its exact answer. Students see it as its letter (a, b, c... by position, see
 * answers/part-letter.ts) and its name: "a) h₁". The id is internal (stored with attempts) and never shown.
 */
export interface Part {
  /** Unique within the question, stable across releases: 'u1', 'dW2', 'conv1' ... */
  readonly id: string;
  /** Readable name shown beside the letter, e.g. "h₁", "parameters of layer 1", "∇W₂ J". */
  readonly name: string;
  readonly expected: Expected;
  readonly slips?: readonly Slip[];
}

/**
 * How a follow-through route carries values forward (Topic.route). A topic computes its answers once, written
 * against this interface; the exact route passes every value through unchanged, a rounded route rounds what it
 * carries to the asked precision, a student's route substitutes the values the student gave for other parts.
 */
export interface Carry {
  /** The value carried into later steps for a part, whose value on this route is `x`. */
  number(partId: string, x: number): number;
  vector(partId: string, v: readonly number[]): readonly number[];
  matrix(partId: string, m: readonly (readonly number[])[]): readonly (readonly number[])[];
  /** An intermediate the question does not ask for, carried at `dp` decimal places on a rounded route. */
  step(x: number, dp: number): number;
  steps(v: readonly number[], dp: number): readonly number[];
}

/** Numbers, vectors and matrices: the values a route carries. */
export type NumericValue = number | readonly number[] | readonly (readonly number[])[];

/** A named value shown in a question (a weight matrix, an input vector ...). */
export interface Given {
  readonly name: string;
  readonly value: Value;
}

export interface QuestionText {
  /** Exam-style statement in plain text (no markup). May contain Unicode sub/superscripts. */
  readonly text: string;
  /** Numbers to display in a monospace block, in order. */
  readonly givens: readonly Given[];
  /** One prompt per answer part, same ids and order as solve()'s parts. */
  readonly parts: readonly { readonly id: string; readonly prompt: string }[];
}

/**
 * One step of a worked solution, in the order an examiner expects: formula, substitution with the question's
 * numbers, result. `part` links the step whose result is the final answer of that part.
 */
export interface Step {
  readonly title: string;
  readonly formula?: string;
  readonly substitution?: string;
  readonly result?: { readonly name: string; readonly value: Value };
  /** Id of the answer part this step's result answers. Its value must equal that part's expected value. */
  readonly part?: string;
  readonly note?: string;
}

export type GroupId =
  | 'mlp'
  | 'cnn'
  | 'rnn'
  | 'lstm'
  | 'transformer'
  | 'attention'
  | 'generative'
  | 'optim'
  | 'gradients'
  | 'concepts'
  | 'shapes';

export interface Topic<P> {
  /** kebab-case id used in commands: 'conv-output-size'. */
  readonly id: string;
  readonly title: string;
  /** One-line description for /topics. */
  readonly summary: string;
  readonly groups: readonly GroupId[];
  /** 1 (recall) .. 3 (long multi-step computation); the scoring rule weights by it. */
  readonly difficulty: 1 | 2 | 3;
  /** Where in the 2023/24 Semester 1 paper this question type appears, e.g. '2(e), 2(f)'. */
  readonly paperRef?: string;
  /** Constrained random parameters; degenerate draws are rejected inside. */
  generate(rng: Rng): P;
  /** Validates parameters given by hand (CLI `solve --params`); throws a TopicParamsError with a readable message. */
  parseParams(input: unknown): P;
  question(params: P): QuestionText;
  /** Exact answers, one per part, in question order. */
  solve(params: P): readonly Part[];
  explain(params: P): readonly Step[];
  /**
   * Multi-step topics: every numeric part's value on a route (Carry), computed the way the worked solution does,
   * so later parts can be marked by follow-through from the student's own earlier values. With the exact Carry
   * it returns exactly solve()'s values (a property test checks this).
   */
  route?(params: P, carry: Carry): Readonly<Record<string, NumericValue>>;
}

/** A fully built question: everything adapters and the engine need, rebuilt deterministically from (topic, seed). */
export interface QuestionInstance {
  readonly topicId: string;
  readonly seed: number;
  readonly params: unknown;
  readonly title: string;
  readonly difficulty: 1 | 2 | 3;
  readonly question: QuestionText;
  readonly parts: readonly Part[];
  readonly steps: readonly Step[];
  /** Present for multi-step topics (Topic.route bound to this question's parameters). */
  readonly route?: (carry: Carry) => Readonly<Record<string, NumericValue>>;
}

/** Thrown by Topic.parseParams; its message is safe and meant for the person who typed the parameters. */
export class TopicParamsError extends Error {
  override readonly name = 'TopicParamsError';
}
