/** `studybot quiz <topic|group|any> [--seed N] [--json]`: a question, its answers and its worked solution. */
import { MAX_SEED } from '../../../core/rng.js';
import { buildQuestion } from '../../../core/topics/index.js';
import { expectPositionals, parseArgs, parseSeed } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import { questionJson, renderQuestion } from '../render-question.js';
import { selectTopic } from '../select-topic.js';

/** A seed from the injected entropy source. */
export function drawSeed(random: () => number): number {
  return Math.min(MAX_SEED, Math.max(0, Math.floor(random() * (MAX_SEED + 1))));
}

export function quizCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { strings: ['seed'], booleans: ['json'] }, 'quiz');
  const [selector] = expectPositionals(args, ['topic|group'], 'quiz') as [string];
  const seedText = args.strings.get('seed');
  const seed = seedText === undefined ? drawSeed(io.random) : parseSeed(seedText, 'quiz');
  const topic = selectTopic(selector, seed, 'quiz');
  const q = buildQuestion(topic, seed);
  if (args.booleans.has('json')) {
    io.stdout(`${JSON.stringify(questionJson(q, seed), null, 2)}\n`);
    return EXIT.ok;
  }
  const paperRef = topic.paperRef === undefined ? {} : { paperRef: topic.paperRef };
  io.stdout(renderQuestion(q, { seed, ...paperRef }));
  io.stdout(
    `\nSame question again: studybot quiz ${topic.id} --seed ${seed}\n` +
      `Check an answer:     studybot check ${topic.id} --seed ${seed} --answer '...'\n`,
  );
  return EXIT.ok;
}
