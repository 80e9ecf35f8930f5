/** Plain-text and JSON views of a built question for the terminal: statement, givens, answers, worked solution. */
import { DEFAULT_DP, formatNumber, formatValue, formatValueInline, isMatrix } from '../core/format.js';
import type { Part, Expected, QuestionInstance, Step, Value } from '../core/types.js';

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

/** x to `places` decimals, without a "-0" for values that round to zero (-0.000002 at 2 dp is "0.00"). */
export function fixed(x: number, places: number): string {
  const s = x.toFixed(Math.max(0, Math.min(20, places)));
  return /^-[0.]+$/.test(s) ? s.slice(1) : s;
}

/** Places for showing the exact value beside an answer rounded to `dp`: at least two more digits. */
function exactDp(dp: number): number {
  return Math.max(DEFAULT_DP, dp + 2);
}

/** A matrix as aligned rows of already formatted cells. */
function alignedRows(cells: readonly (readonly string[])[]): string {
  const cols = Math.max(0, ...cells.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, j) => Math.max(...cells.map((r) => (r[j] ?? '').length)));
  return cells.map((r) => `[ ${r.map((c, j) => c.padStart(widths[j] ?? 0)).join('  ')} ]`).join('\n');
}

/**
 * The answer of a part as a student would type it: at the decimal places the question asks for (then the exact
 * value too, when it differs), matrices on several lines.
 */
export function formatExpected(expected: Expected): string {
  switch (expected.kind) {
    case 'number': {
      if (expected.integer) return String(expected.value);
      if (expected.dp === undefined) return formatNumber(expected.value, DEFAULT_DP);
      const exact = formatNumber(expected.value, exactDp(expected.dp));
      const asked = fixed(expected.value, expected.dp);
      return Number(asked) === expected.value ? asked : `${asked}  (exact ${exact})`;
    }
    case 'vector': {
      if (expected.integer || expected.dp === undefined)
        return formatValue(expected.value, expected.integer ? 0 : DEFAULT_DP);
      const dp = expected.dp;
      const asked = `[${expected.value.map((x) => fixed(x, dp)).join(', ')}]`;
      const exact = formatValueInline(expected.value, exactDp(dp));
      return expected.value.every((x) => Number(fixed(x, dp)) === x) ? asked : `${asked}  (exact ${exact})`;
    }
    case 'matrix': {
      if (expected.integer || expected.dp === undefined)
        return formatValue(expected.value, expected.integer ? 0 : DEFAULT_DP);
      const dp = expected.dp;
      const asked = alignedRows(expected.value.map((r) => r.map((x) => fixed(x, dp))));
      const same = expected.value.every((r) => r.every((x) => Number(fixed(x, dp)) === x));
      return same ? asked : `${asked}\n(exact ${formatValueInline(expected.value, exactDp(dp))})`;
    }
    case 'shape':
      return `(${expected.value.join(', ')})`;
    case 'ratio': {
      const [a, b] = expected.value;
      return `${a}:${b} (= ${formatNumber(a / b, expected.dp ?? DEFAULT_DP)})`;
    }
    case 'boolean':
      return expected.value ? 'True' : 'False';
    case 'choice':
      return expected.value;
  }
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

function renderAnswer(part: Part): string {
  const value = formatExpected(part.expected);
  const head = `  ${part.id}) ${part.label}${precisionNote(part.expected)}:`;
  return value.includes('\n') ? `${head}\n${indent(value, '      ')}` : `${head} ${value}`;
}

function renderStep(step: Step, index: number): string {
  const lines = [
    `  ${index + 1}. ${step.title}${step.part === undefined ? '' : `  [answers ${step.part})]`}`,
  ];
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
  out.push('', 'Answer:', ...q.question.parts.map((p) => `  ${p.id}) ${p.prompt}`));
  return out.join('\n');
}

export function renderSolution(q: QuestionInstance): string {
  return ['Answers:', ...q.parts.map(renderAnswer), '', 'Worked solution:', ...q.steps.map(renderStep)].join(
    '\n',
  );
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
