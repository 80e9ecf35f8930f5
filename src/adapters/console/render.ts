/**
 * Turns engine views into terminal text: questions with their numbers in aligned monospace blocks, per-part
 * feedback, worked solutions as structured steps (title, formula, substitution, result), progress tables and
 * leaderboards. Plain text plus optional ANSI styling; user-facing wording comes from the shared texts.
 */
import { formatValue, isMatrix } from '../../core/format.js';
import { formatExpected } from '../../core/answers/index.js';
import type { Expected, Given, Step, Value } from '../../core/types.js';
import type {
  HintView,
  LeaderboardView,
  PartView,
  ProgressView,
  QuestionView,
  Solution,
  SolutionView,
  SubmitOutcome,
  TopicListView,
} from '../../engine/api.js';
import { commandsFor } from '../shared/commands.js';
import {
  ANSWER_FORMATS,
  gradeText,
  multiPartText,
  partTitle,
  ROUNDED_ROUTE,
  SCORING_RULE,
  settledText,
  triesLeftText,
} from '../shared/texts.js';
import type { Style } from './style.js';

const INDENT = '    ';

function indent(text: string, prefix = INDENT): string {
  return text
    .split('\n')
    .map((l) => (l.length > 0 ? prefix + l : l))
    .join('\n');
}

/** `name = value`, or `name =` followed by an indented aligned block for a matrix. */
export function renderNamedValue(name: string, value: Value, dp?: number): string {
  const text = formatValue(value, dp);
  return isMatrix(value) ? `${name} =\n${indent(text)}` : `${name} = ${text}`;
}

function stars(difficulty: 1 | 2 | 3): string {
  return '★'.repeat(difficulty) + '☆'.repeat(3 - difficulty);
}

export function renderQuestion(q: QuestionView, s: Style): string {
  const lines = [
    `${s.bold(q.title)}  ${s.dim(`${stars(q.difficulty)} · question #${q.questionId} · ${q.topicId}`)}`,
    '',
    q.question.text,
  ];
  if (q.question.givens.length > 0) {
    lines.push('', ...q.question.givens.map((g: Given) => indent(renderNamedValue(g.name, g.value))));
  }
  lines.push('');
  const multi = q.parts.length > 1;
  for (const p of q.question.parts) {
    const part = q.parts.find((x) => x.id === p.id);
    lines.push(multi && part ? `${s.cyan(`${part.letter})`)} ${p.prompt}` : p.prompt);
  }
  lines.push(
    '',
    s.dim(
      multi
        ? `${multiPartText(q.parts.map((p) => p.letter))} ${q.maxTries} tries per part; /hint, /solution, /next.`
        : `Type your answer. ${q.maxTries} tries; /hint, /solution, /next.`,
    ),
  );
  return lines.join('\n');
}

/** One step of a worked solution: title, then formula, substitution and result on their own lines. */
export function renderStep(step: Step, s: Style, number?: number): string {
  const lines = [s.bold(number === undefined ? step.title : `Step ${number}. ${step.title}`)];
  if (step.formula) lines.push(indent(step.formula));
  if (step.substitution) lines.push(indent(step.substitution));
  if (step.result)
    lines.push(indent(s.green(`→ ${renderNamedValue(step.result.name, step.result.value)}`), INDENT));
  if (step.note) lines.push(indent(s.dim(step.note)));
  return lines.join('\n');
}

export function renderSteps(steps: readonly Step[], s: Style): string {
  return steps.map((step, i) => renderStep(step, s, i + 1)).join('\n\n');
}

/** An exact answer as every platform shows it (the core's one formatter), matrices as aligned rows. */
export function renderExpected(expected: Expected): string {
  return formatExpected(expected, { block: true });
}

export function renderAnswers(
  sol: Pick<Solution, 'answers' | 'roundedRoute'>,
  parts: readonly PartView[],
  s: Style,
): string {
  const head = (id: string): string => {
    const view = parts.find((p) => p.id === id);
    return view ? partTitle(view) : '';
  };
  const line = (id: string, value: string): string =>
    value.includes('\n') ? `${head(id)}:\n${indent(value)}` : `${head(id)}: ${s.bold(value)}`;
  const lines = sol.answers.map((p) => line(p.id, renderExpected(p.expected)));
  if (sol.roundedRoute.length > 0) {
    lines.push(s.dim(ROUNDED_ROUTE), ...sol.roundedRoute.map((r) => line(r.partId, r.value)));
  }
  return lines.join('\n');
}

export function renderSolution(sol: Solution, parts: readonly PartView[], s: Style): string {
  return [
    s.bold('Worked solution'),
    '',
    renderSteps(sol.steps, s),
    '',
    s.bold('Answers'),
    renderAnswers(sol, parts, s),
  ].join('\n');
}

export function renderSolutionView(sol: SolutionView, s: Style): string {
  return `${renderSolution(sol, sol.question.parts, s)}\n\n${s.dim('No points for this question any more. /next for a fresh one.')}`;
}

export function renderHint(h: HintView, s: Style): string {
  return `${s.yellow(`Hint ${h.index} of ${h.total}`)}\n${renderStep(h.step, s)}`;
}

function partLabel(parts: readonly PartView[], id: string, many: boolean): string {
  if (!many) return '';
  const p = parts.find((x) => x.id === id);
  return p ? `${partTitle(p)}: ` : '';
}

export function renderOutcome(o: SubmitOutcome, s: Style): string {
  const lines: string[] = [];
  const many = o.question.parts.length > 1;
  if (o.duplicate) lines.push(s.dim('That answer was already recorded.'));
  for (const g of o.grades) {
    const part = o.parts.find((p) => p.id === g.partId);
    const mark = g.status === 'correct' ? s.green('✓') : g.status === 'wrong' ? s.red('✗') : s.yellow('•');
    const tries = g.status === 'wrong' && part ? ` ${triesLeftText(part.triesLeft)}` : '';
    const letterOf = (id: string): string => o.parts.find((p) => p.id === id)?.letter ?? id;
    lines.push(`${partLabel(o.parts, g.partId, many)}${mark} ${gradeText(g, letterOf)}${tries}`);
  }
  if (o.settled.length > 0) lines.push(s.dim(settledText(o.settled)));
  if (o.pointsAwarded > 0)
    lines.push(s.green(`+${o.pointsAwarded} point${o.pointsAwarded === 1 ? '' : 's'}`));
  if (o.finished) {
    lines.push('', o.solved ? s.green(s.bold('Solved!')) : s.yellow('No tries left on this question.'));
    if (o.solution) lines.push('', renderSolution(o.solution, o.question.parts, s));
    lines.push('', s.dim('/next for another question on this topic, /quiz for any topic.'));
  } else if (o.nextPart && !o.duplicate) {
    const open = o.parts.filter((p) => p.status === 'open');
    if (many && open.length > 0) {
      lines.push(s.dim(`Open: ${open.map((p) => `${p.letter}) ${triesLeftText(p.triesLeft)}`).join('  ')}`));
    }
    if (o.grades.some((g) => g.status === 'correct')) {
      lines.push(`${s.cyan('Next')} ${many ? `${o.nextPart.letter}) ` : ''}${o.nextPart.prompt}`);
    }
  }
  return lines.join('\n');
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function pad(text: string, width: number, right = false): string {
  const len = [...text].length;
  if (len >= width) return text;
  return right ? ' '.repeat(width - len) + text : text + ' '.repeat(width - len);
}

export function renderProgress(p: ProgressView, s: Style): string {
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  const lines = [
    `${s.bold(p.displayName)}: ${s.bold(String(p.totalPoints))} points · streak ${days(p.streak.current)} (best ${days(p.streak.best)}) · ${p.timeZone}`,
  ];
  if (p.topics.length === 0) {
    lines.push('', 'No answers yet. Start with /quiz (or /topics to choose).');
    return lines.join('\n');
  }
  const width = Math.min(40, Math.max(5, ...p.topics.map((t) => [...t.title].length)));
  lines.push(
    '',
    s.dim(
      `${pad('Topic', width)}  ${pad('Questions', 9, true)}  ${pad('Attempts', 8, true)}  ${pad('Accuracy', 8, true)}  ${pad('First try', 9, true)}`,
    ),
  );
  for (const t of p.topics) {
    lines.push(
      `${pad(t.title.slice(0, width), width)}  ${pad(String(t.questions), 9, true)}  ${pad(String(t.attempts), 8, true)}  ${pad(percent(t.accuracy), 8, true)}  ${pad(percent(t.firstTryAccuracy), 9, true)}`,
    );
  }
  if (p.weakest.length > 0) {
    lines.push('', `Weakest: ${p.weakest.join(', ')}. Practise with /quiz ${p.weakest[0] ?? ''}`);
  }
  if (p.optedOut) lines.push(s.dim('You are hidden from leaderboards.'));
  return lines.join('\n');
}

export function renderLeaderboard(b: LeaderboardView, s: Style): string {
  const title = b.period === 'week' ? 'Leaderboard: this week' : 'Leaderboard: all time';
  if (b.entries.length === 0) {
    return `${s.bold(title)}\nNo points yet. Solve a question with /quiz to get on the board.`;
  }
  const width = Math.min(24, Math.max(...b.entries.map((e) => [...e.displayName].length)));
  const row = (e: (typeof b.entries)[number]) =>
    `${pad(String(e.rank), 3, true)}. ${pad(e.displayName.slice(0, width), width)}  ${pad(String(e.points), 5, true)} pts  ${e.solved} solved`;
  const lines = [s.bold(title), ...b.entries.map(row)];
  if (b.me && !b.entries.some((e) => e.userId === b.me?.userId)) lines.push(s.dim('  ...'), row(b.me));
  return lines.join('\n');
}

export function renderTopics(list: TopicListView, s: Style): string {
  if (list.groups.length === 0) return 'No topics are available yet.';
  const width = Math.max(...list.groups.flatMap((g) => g.topics.map((t) => t.id.length)));
  return list.groups
    .map((g) =>
      [
        `${s.bold(s.cyan(g.id))}  ${g.title}: ${s.dim(g.summary)}`,
        ...g.topics.map((t) => `  ${pad(t.id, width)}  ${stars(t.difficulty)}  ${t.title}`),
      ].join('\n'),
    )
    .concat(s.dim('Start one with /quiz <topic or group>, e.g. /quiz cnn. /quiz alone picks any topic.'))
    .join('\n\n');
}

export function renderHelp(s: Style): string {
  const commands = commandsFor('console').map((c) => {
    const args = c.options.map((o) => (o.required ? ` <${o.name}>` : ` [${o.name}]`)).join('');
    return `  ${pad(`/${c.name}${args}`, 22)} ${c.description}`;
  });
  return [
    s.bold('Commands'),
    ...commands,
    `  ${pad('/question', 22)} Show the open question again`,
    `  ${pad('/quit', 22)} Leave (Ctrl-D works too)`,
    '',
    s.bold('Answers'),
    '  Type an answer as a plain line. ' + ANSWER_FORMATS,
    '',
    s.bold('Points'),
    `  ${SCORING_RULE}`,
  ].join('\n');
}

export function renderWelcome(user: string, s: Style): string {
  return `${s.bold('studybot')} · Neural Networks and Deep Learning practice · signed in as ${s.cyan(user)}\nType /quiz to get a question (or /quiz cnn, /topics), /help for every command, /quit to leave.`;
}
