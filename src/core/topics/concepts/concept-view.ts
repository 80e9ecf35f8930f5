/**
 * How a conceptual item is shown, answered and explained: question text, the one answer part, worked-solution steps.
 * `order` (shuffled choice items only) lists the original option indices in the order they are shown.
 */
import type { Part, QuestionText, Slip, Step } from '../../types.js';
import {
  type ConceptItem,
  type TwoStatementItem,
  TWO_STATEMENT_OPTIONS,
  explanationOf,
  twoStatementAnswer,
} from './item.js';

export const OPTION_LETTERS: readonly string[] = ['A', 'B', 'C', 'D', 'E'];

/** The single answer part's id. */
export const PART_ID = 'a';

export interface ShownOption {
  readonly letter: string;
  readonly text: string;
  readonly correct: boolean;
  readonly why?: string;
}

function letter(i: number): string {
  const l = OPTION_LETTERS[i];
  if (l === undefined) throw new RangeError(`no option letter for index ${i}`);
  return l;
}

function truthWord(b: boolean): string {
  return b ? 'True' : 'False';
}

/** The options in display order, lettered A, B, ... (true/false items have none). */
export function shownOptions(item: ConceptItem, order?: readonly number[]): readonly ShownOption[] {
  if (item.kind === 'true-false') return [];
  if (item.kind === 'two-statements') {
    const answer = twoStatementAnswer(item);
    return TWO_STATEMENT_OPTIONS.map((text, i) => ({ letter: letter(i), text, correct: i === answer }));
  }
  const indices = order ?? item.options.map((_, i) => i);
  return indices.map((original, i) => {
    const option = item.options[original];
    if (option === undefined) throw new RangeError(`option index ${original} out of range for ${item.id}`);
    return {
      letter: letter(i),
      text: option.text,
      correct: option.correct === true,
      ...(option.why === undefined ? {} : { why: option.why }),
    };
  });
}

function correctOption(options: readonly ShownOption[]): ShownOption {
  const found = options.find((o) => o.correct);
  if (found === undefined) throw new Error('a choice item must have exactly one correct option');
  return found;
}

export function conceptQuestion(item: ConceptItem, order?: readonly number[]): QuestionText {
  if (item.kind === 'true-false') {
    return {
      text: `True or false?\n\n${item.statement}`,
      givens: [],
      parts: [{ id: PART_ID, prompt: 'Answer T (true) or F (false).' }],
    };
  }
  const options = shownOptions(item, order);
  const letters = options.map((o) => o.letter);
  const prompt = `Answer with a letter (${letters.slice(0, -1).join(', ')} or ${letters.at(-1) ?? ''}).`;
  const optionLines = options.map((o) => `${o.letter}) ${o.text}`).join('\n');
  const head =
    item.kind === 'choice'
      ? item.stem
      : `Consider the following two statements.\n\nStatement 1: ${item.statements[0].text}\nStatement 2: ${item.statements[1].text}`;
  return { text: `${head}\n\n${optionLines}`, givens: [], parts: [{ id: PART_ID, prompt }] };
}

/** Feedback for a wrong two-statement option: which statement(s) the student misjudged. */
function twoStatementSlips(item: TwoStatementItem, options: readonly ShownOption[]): Slip[] {
  const truth = [item.statements[0].true, item.statements[1].true];
  // Option i claims: A (T,T), B (T,F), C (F,T), D (F,F).
  const claims: readonly (readonly [boolean, boolean])[] = [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ];
  return options
    .map((o, i) => ({ o, claim: claims[i] }))
    .filter((x) => !x.o.correct && x.claim !== undefined)
    .map(({ o, claim }) => {
      const misjudged = [1, 2].filter((n) => claim?.[n - 1] !== truth[n - 1]);
      const both = misjudged.length === 2;
      return {
        id: both ? 'misjudged-both' : `misjudged-statement-${misjudged.join('')}`,
        message: both
          ? `Option ${o.letter} misjudges both statements.`
          : `Option ${o.letter} misjudges statement ${misjudged.join('')}.`,
        value: o.letter,
      };
    });
}

export function conceptAnswerParts(item: ConceptItem, order?: readonly number[]): readonly Part[] {
  if (item.kind === 'true-false') {
    return [{ id: PART_ID, name: 'True or false', expected: { kind: 'boolean', value: item.answer } }];
  }
  const options = shownOptions(item, order);
  const slips: Slip[] =
    item.kind === 'two-statements'
      ? twoStatementSlips(item, options)
      : options.flatMap((o) =>
          o.correct || o.why === undefined
            ? []
            : [{ id: `distractor-${o.letter.toLowerCase()}`, message: o.why, value: o.letter }],
        );
  return [
    {
      id: PART_ID,
      name: 'Option',
      expected: {
        kind: 'choice',
        value: correctOption(options).letter,
        options: options.map((o) => o.letter),
      },
      ...(slips.length > 0 ? { slips } : {}),
    },
  ];
}

export function conceptSteps(item: ConceptItem, order?: readonly number[]): readonly Step[] {
  if (item.kind === 'true-false') {
    return [
      { title: 'Key idea', note: item.explanation },
      { title: 'Answer', result: { name: 'The statement is', value: truthWord(item.answer) }, part: PART_ID },
    ];
  }
  const options = shownOptions(item, order);
  const right = correctOption(options);
  const answerStep: Step = {
    title: 'Answer',
    result: { name: 'Correct option', value: right.letter },
    part: PART_ID,
    note: `${right.letter}) ${right.text}`,
  };
  if (item.kind === 'two-statements') {
    return [
      ...item.statements.map((s, i): Step => ({
        title: `Statement ${i + 1}`,
        result: { name: `Statement ${i + 1} is`, value: truthWord(s.true) },
        note: s.why,
      })),
      answerStep,
    ];
  }
  const wrong = options.filter((o) => !o.correct && o.why !== undefined);
  return [
    { title: 'Key idea', note: explanationOf(item) },
    ...(wrong.length > 0
      ? [
          {
            title: 'Why not the other options',
            note: wrong.map((o) => `${o.letter}) ${o.text} — ${o.why ?? ''}`).join('\n'),
          },
        ]
      : []),
    answerStep,
  ];
}
