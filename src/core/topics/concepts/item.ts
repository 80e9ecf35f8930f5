/**
 * The shape of a conceptual item: a true/false statement, a multiple-choice question, or the paper's
 * two-statement format ("Statement 1: ... Statement 2: ..." with four fixed options).
 */
import type { GroupId } from '../../types.js';

/** Course topic of an item. */
export type ConceptTag =
  | 'perceptron'
  | 'regression'
  | 'softmax'
  | 'initialisation'
  | 'generalisation'
  | 'model-selection'
  | 'optimisation'
  | 'regularisation'
  | 'normalisation'
  | 'activations'
  | 'losses'
  | 'cnn'
  | 'rnn'
  | 'lstm'
  | 'seq2seq'
  | 'embeddings'
  | 'transformer'
  | 'autoencoders'
  | 'gan';

export const CONCEPT_TAGS: readonly ConceptTag[] = [
  'perceptron',
  'regression',
  'softmax',
  'initialisation',
  'generalisation',
  'model-selection',
  'optimisation',
  'regularisation',
  'normalisation',
  'activations',
  'losses',
  'cnn',
  'rnn',
  'lstm',
  'seq2seq',
  'embeddings',
  'transformer',
  'autoencoders',
  'gan',
];

/** Content groups (besides 'concepts') whose quizzes may also draw items of a tag. */
export const TAG_GROUPS: Readonly<Record<ConceptTag, readonly GroupId[]>> = {
  perceptron: ['mlp'],
  regression: ['mlp'],
  softmax: ['mlp'],
  initialisation: ['mlp'],
  generalisation: ['mlp'],
  'model-selection': ['mlp'],
  optimisation: ['mlp', 'optim'],
  regularisation: ['mlp'],
  normalisation: ['mlp', 'cnn'],
  activations: ['mlp'],
  losses: ['mlp'],
  cnn: ['cnn'],
  rnn: ['rnn'],
  lstm: ['rnn', 'lstm'],
  seq2seq: ['rnn'],
  embeddings: [],
  transformer: ['transformer', 'attention'],
  autoencoders: ['generative'],
  gan: ['generative'],
};

/** The chapters of the course, in lecture order. */
export type ConceptChapter =
  | 'neurons-perceptron'
  | 'regression'
  | 'softmax'
  | 'deep-feedforward'
  | 'model-selection'
  | 'cnn'
  | 'rnn'
  | 'lstm-gru'
  | 'autoencoders'
  | 'attention-transformers'
  | 'gans';

export const CONCEPT_CHAPTERS: readonly ConceptChapter[] = [
  'neurons-perceptron',
  'regression',
  'softmax',
  'deep-feedforward',
  'model-selection',
  'cnn',
  'rnn',
  'lstm-gru',
  'autoencoders',
  'attention-transformers',
  'gans',
];

/** The chapter each tag belongs to. */
export const TAG_CHAPTER: Readonly<Record<ConceptTag, ConceptChapter>> = {
  perceptron: 'neurons-perceptron',
  regression: 'regression',
  softmax: 'softmax',
  initialisation: 'deep-feedforward',
  activations: 'deep-feedforward',
  losses: 'deep-feedforward',
  optimisation: 'deep-feedforward',
  regularisation: 'deep-feedforward',
  normalisation: 'deep-feedforward',
  generalisation: 'model-selection',
  'model-selection': 'model-selection',
  cnn: 'cnn',
  rnn: 'rnn',
  seq2seq: 'rnn',
  embeddings: 'rnn',
  lstm: 'lstm-gru',
  transformer: 'attention-transformers',
  autoencoders: 'autoencoders',
  gan: 'gans',
};

interface ItemBase {
  /** Stable kebab-case id (stored in question params: never rename one). */
  readonly id: string;
  readonly tag: ConceptTag;
  /** Where the 2023/24 Semester 1 paper asks this, e.g. '1(a)(iii)'. */
  readonly paperRef?: string;
}

export interface TrueFalseItem extends ItemBase {
  readonly kind: 'true-false';
  readonly statement: string;
  readonly answer: boolean;
  /** 2-4 sentences a lecturer would accept. */
  readonly explanation: string;
}

export interface ChoiceOption {
  readonly text: string;
  readonly correct?: true;
  /** For a distractor: why it is wrong (shown in the worked solution and as feedback when chosen). */
  readonly why?: string;
}

export interface ChoiceItem extends ItemBase {
  readonly kind: 'choice';
  readonly stem: string;
  /** 3-5 options, exactly one `correct`. */
  readonly options: readonly ChoiceOption[];
  readonly explanation: string;
  /** Keep the written order (options that refer to each other); otherwise options are shuffled per question. */
  readonly fixedOrder?: true;
}

export interface JudgedStatement {
  readonly text: string;
  readonly true: boolean;
  /** 1-2 sentences: why it is true or false. */
  readonly why: string;
}

export interface TwoStatementItem extends ItemBase {
  readonly kind: 'two-statements';
  readonly statements: readonly [JudgedStatement, JudgedStatement];
}

export type ConceptItem = TrueFalseItem | ChoiceItem | TwoStatementItem;

/** The paper's fixed options for two-statement questions, in order A-D. */
export const TWO_STATEMENT_OPTIONS: readonly string[] = [
  'Both statements are true.',
  'Statement 1 is true and statement 2 is false.',
  'Statement 1 is false and statement 2 is true.',
  'Both statements are false.',
];

/** Index (0 = A) of the right option of a two-statement item. */
export function twoStatementAnswer(item: TwoStatementItem): number {
  const [s1, s2] = item.statements;
  if (s1.true) return s2.true ? 0 : 1;
  return s2.true ? 2 : 3;
}

/** The whole explanation of an item in prose (two-statement items: both reasons). */
export function explanationOf(item: ConceptItem): string {
  if (item.kind === 'two-statements') return item.statements.map((s) => s.why).join(' ');
  return item.explanation;
}

/** Whether the options of an item are shuffled per question. */
export function isShuffled(item: ConceptItem): item is ChoiceItem {
  return item.kind === 'choice' && item.fixedOrder !== true;
}

export function optionCount(item: ConceptItem): number {
  if (item.kind === 'true-false') return 2;
  if (item.kind === 'two-statements') return TWO_STATEMENT_OPTIONS.length;
  return item.options.length;
}
