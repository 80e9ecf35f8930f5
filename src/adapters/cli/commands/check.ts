/** `studybot check <topic|group> --seed N --answer '<text>' [--json]`: grades an answer and prints the feedback. */
import { errorText, gradeText } from '../../shared/texts.js';
import {
  gradePart,
  MAX_ANSWER_LENGTH,
  partHeading,
  partLetter,
  splitAnswer,
  studentRoute,
  type PartGrade,
  type SplitResult,
} from '../../../core/answers/index.js';
import { buildQuestion } from '../../../core/topics/index.js';
import type { SubmitError } from '../../../engine/api.js';
import { expectPositionals, parseArgs, parseSeed } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import { UsageError } from '../usage.js';
import { selectTopic } from '../select-topic.js';

const REFUSALS: Record<Extract<SplitResult, { ok: false }>['code'], SubmitError> = {
  empty: 'empty-answer',
  'too-long': 'answer-too-long',
  'unknown-part': 'unknown-part',
  'needs-labels': 'needs-labels',
};

export function checkCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { strings: ['seed', 'answer'], booleans: ['json'] }, 'check');
  const [selector] = expectPositionals(args, ['topic|group'], 'check') as [string];
  const seedText = args.strings.get('seed');
  if (seedText === undefined) {
    throw new UsageError('missing --seed N (the seed of the question you are answering)', 'check');
  }
  const answer = args.strings.get('answer');
  if (answer === undefined) throw new UsageError("missing --answer '<text>'", 'check');
  const seed = parseSeed(seedText, 'check');
  const topic = selectTopic(selector, seed, 'check');
  const q = buildQuestion(topic, seed);
  const json = args.booleans.has('json');
  const header = `${q.title}  (topic ${topic.id}, seed ${seed})\n`;

  // The same reading of the text as the chat bots: letters like "a) 45", one answer per line...
  const split = splitAnswer(answer, q.parts);
  if (!split.ok) {
    const refused = REFUSALS[split.code];
    const message = errorText(refused, {
      limit: MAX_ANSWER_LENGTH,
      labels: split.labels ?? [],
      letters: q.parts.map((_, i) => partLetter(i)),
    });
    io.stdout(
      json
        ? `${JSON.stringify({ topic: topic.id, seed, refused, message }, null, 2)}\n`
        : `${header}${message}\n`,
    );
    return EXIT.notCorrect;
  }

  // Follow-through as in the chat bots: later parts are marked from the values given for earlier ones.
  const route = studentRoute(q);
  const grades: PartGrade[] = [];
  for (const part of q.parts) {
    const text = split.answers.find((a) => a.partId === part.id)?.text;
    if (text === undefined || text.trim() === '') continue;
    const grade = gradePart(part, text, route.alternatives(part.id));
    grades.push(grade);
    route.record(part, grade);
  }
  const answered = new Set(grades.map((g) => g.partId));
  const unanswered = q.parts.filter((p) => !answered.has(p.id));
  const right = grades.filter((g) => g.status === 'correct').length;
  const allRight = right === q.parts.length;

  if (json) {
    const out = { topic: topic.id, seed, grades, unanswered: unanswered.map((p) => p.id), correct: allRight };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return allRight ? EXIT.ok : EXIT.notCorrect;
  }
  const lines = [header.trimEnd()];
  const letterOf = (id: string): string => partLetter(q.parts.findIndex((p) => p.id === id));
  q.parts.forEach((part, i) => {
    const grade = grades.find((g) => g.partId === part.id);
    const head = `  ${partHeading(i, part.name)}`;
    lines.push(
      grade === undefined
        ? `${head}: not answered`
        : `${head}: ${oneLine(grade.typed)}  ->  ${gradeText(grade, letterOf)}`,
    );
  });
  lines.push(`${right} of ${q.parts.length} part${q.parts.length === 1 ? '' : 's'} right.`);
  if (!allRight) lines.push(`Worked solution: studybot quiz ${topic.id} --seed ${seed}`);
  io.stdout(`${lines.join('\n')}\n`);
  return allRight ? EXIT.ok : EXIT.notCorrect;
}

/** A typed answer on one line of the report (a matrix typed over several lines keeps its rows apart with ';'). */
function oneLine(typed: string): string {
  return typed.replace(/\s*\n\s*/g, '; ');
}
