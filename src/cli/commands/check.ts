/** `studybot check <topic|group> --seed N --answer '<text>' [--json]`: grades an answer and prints the feedback. */
import { errorText, gradeText } from '../../adapters/shared/texts.js';
import { gradePart, type PartGrade } from '../../core/answers/index.js';
import { buildQuestion } from '../../core/topics/index.js';
import type { Part } from '../../core/types.js';
import { answerTargets, checkAnswerSize } from '../../engine/answer-targets.js';
import { expectPositionals, parseArgs, parseSeed } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import { UsageError } from '../usage.js';
import { selectTopic } from '../select-topic.js';

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

  // The same reading of the text as the chat bots: labels like "a) 45" (or part ids), one answer per line...
  const input = { text: answer };
  const open = q.parts.map((p) => ({
    id: p.id,
    label: p.label,
    state: 'open' as const,
    triesLeft: 1,
    triesUsed: 0,
  }));
  const size = checkAnswerSize(input);
  const targets = size.ok ? answerTargets(input, q.parts, open) : size;
  if (!targets.ok) {
    const message = errorText(targets.error, targets.detail);
    io.stdout(
      json
        ? `${JSON.stringify({ topic: topic.id, seed, refused: targets.error, message }, null, 2)}\n`
        : `${header}${message}\n`,
    );
    return EXIT.notCorrect;
  }

  const byId = new Map<string, Part>(q.parts.map((p) => [p.id, p]));
  const grades: PartGrade[] = targets.value.flatMap((a) => {
    const part = byId.get(a.partId);
    return part === undefined ? [] : [gradePart(part, a.text)];
  });
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
  for (const part of q.parts) {
    const grade = grades.find((g) => g.partId === part.id);
    lines.push(
      grade === undefined
        ? `  ${part.id}) ${part.label}: not answered`
        : `  ${part.id}) ${part.label}: ${oneLine(grade.typed)}  ->  ${gradeText(grade)}`,
    );
  }
  lines.push(`${right} of ${q.parts.length} part${q.parts.length === 1 ? '' : 's'} right.`);
  if (!allRight) lines.push(`Worked solution: studybot quiz ${topic.id} --seed ${seed}`);
  io.stdout(`${lines.join('\n')}\n`);
  return allRight ? EXIT.ok : EXIT.notCorrect;
}

/** A typed answer on one line of the report (a matrix typed over several lines keeps its rows apart with ';'). */
function oneLine(typed: string): string {
  return typed.replace(/\s*\n\s*/g, '; ');
}
