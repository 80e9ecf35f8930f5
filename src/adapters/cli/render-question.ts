/** Plain-text and JSON views of a built question for the terminal: statement, givens, answers, worked solution. */
import { formatExpected, partHeading, partLetter, roundedRouteAnswers } from '../../core/answers/index.js';
import { formatValue, formatValueInline, isMatrix } from '../../core/format.js';
import { ROUNDED_ROUTE } from '../shared/texts.js';
import type { Expected, Part, QuestionInstance, Step, Value } from '../../core/types.js';

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}

/** `name = value`, a matrix on the following lines. */
function namedValue(name: string, value: Value, pad: string): string {
  if (isMatrix(value)) return `${pad}${name} =\n${indent(formatValue(value), `${pad}  `)}`;
  return `${pad}${name} = ${formatValueInline(value)}`;
}

function precisionNote(expected: Expected): string {
  if (
    (expected.kind === 'number' || expected.kind === 'vector' || expected.kind === 'matrix') &&
    expected.integer
  ) {
    return ' (exact)';
  }
  if ('dp' in expected && expected.dp !== undefined) return ` (to ${expected.dp} dp)`;
  return '';
}

function renderAnswer(part: Part, index: number): string {
  const value = formatExpected(part.expected, { block: true });
  const head = `  ${partHeading(index, part.name)}${precisionNote(part.expected)}:`;
  return value.includes('\n') ? `${head}\n${indent(value, '      ')}` : `${head} ${value}`;
}

function renderStep(step: Step, index: number, parts: readonly Part[]): string {
  const at = step.part === undefined ? -1 : parts.findIndex((p) => p.id === step.part);
  const letter = at < 0 ? undefined : partLetter(at);
  const lines = [`  ${index + 1}. ${step.title}${letter === undefined ? '' : `  [answers ${letter})]`}`];
  const pad = '     ';
  if (step.formula !== undefined) lines.push(indent(step.formula, pad));
  if (step.substitution !== undefined) lines.push(indent(step.substitution, pad));
  if (step.result !== undefined) lines.push(namedValue(step.result.name, step.result.value, pad));
  if (step.note !== undefined) lines.push(indent(step.note, pad));
  return lines.join('\n');
}

export interface RenderOptions {
  /** The seed the question was built from; omitted for hand-given parameters. */
  readonly seed?: number;
  /** Topic paper reference to show in the header. */
  readonly paperRef?: string;
}

/** Header, statement, givens and the prompts: what a student sees before answering. */
export function renderQuestionText(q: QuestionInstance, opts: RenderOptions = {}): string {
  const meta = [
    `topic ${q.topicId}`,
    ...(opts.seed === undefined ? [] : [`seed ${opts.seed}`]),
    `difficulty ${q.difficulty}`,
    ...(opts.paperRef === undefined ? [] : [`paper ${opts.paperRef}`]),
  ].join(', ');
  const out = [`${q.title}  (${meta})`, '', q.question.text];
  if (q.question.givens.length > 0) {
    out.push('', 'Given:', ...q.question.givens.map((g) => namedValue(g.name, g.value, '  ')));
  }
  out.push('', 'Answer:', ...q.question.parts.map((p, i) => `  ${partLetter(i)}) ${p.prompt}`));
  return out.join('\n');
}

export function renderSolution(q: QuestionInstance): string {
  const rounded = roundedRouteAnswers(q).map((r) => {
    const at = q.parts.findIndex((p) => p.id === r.partId);
    return `  ${partHeading(at, q.parts[at]?.name ?? '')}: ${r.value}`;
  });
  return [
    'Answers:',
    ...q.parts.map(renderAnswer),
    ...(rounded.length > 0 ? ['', ROUNDED_ROUTE, ...rounded] : []),
    '',
    'Worked solution:',
    ...q.steps.map((step, i) => renderStep(step, i, q.parts)),
  ].join('\n');
}

/** The full text: question, answers, worked solution. */
export function renderQuestion(q: QuestionInstance, opts: RenderOptions = {}): string {
  return `${renderQuestionText(q, opts)}\n\n${renderSolution(q)}\n`;
}

/** The JSON view (`--json`): everything needed to rebuild, display and grade the question. */
export function questionJson(q: QuestionInstance, seed: number | null): unknown {
  return {
    topic: q.topicId,
    title: q.title,
    seed,
    difficulty: q.difficulty,
    params: q.params,
    question: q.question,
    answers: q.parts,
    steps: q.steps,
  };
}
