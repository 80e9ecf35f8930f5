/** `studybot solve <topic> --params '<json>' [--json]`: a question from hand-given parameters. */
import { buildFromParams } from '../../../core/topics/index.js';
import { TopicParamsError } from '../../../core/types.js';
import { expectPositionals, parseArgs } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import { questionJson, renderQuestion } from '../render-question.js';
import { requireTopic } from '../select-topic.js';
import { UsageError } from '../usage.js';

export function solveCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { strings: ['params'], booleans: ['json'] }, 'solve');
  const [topicId] = expectPositionals(args, ['topic'], 'solve') as [string];
  const topic = requireTopic(topicId, 'solve');
  const text = args.strings.get('params');
  if (text === undefined) throw new UsageError("missing --params '<json>'", 'solve');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError('--params is not valid JSON (quote it in single quotes in the shell)', 'solve');
  }
  let params: unknown;
  try {
    params = topic.parseParams(raw);
  } catch (error) {
    if (error instanceof TopicParamsError) {
      throw new UsageError(`bad parameters for ${topic.id}: ${error.message}`, 'solve');
    }
    throw error;
  }
  const q = buildFromParams(topic, params, 0);
  if (args.booleans.has('json')) {
    io.stdout(`${JSON.stringify(questionJson(q, null), null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(renderQuestion(q, topic.paperRef === undefined ? {} : { paperRef: topic.paperRef }));
  return EXIT.ok;
}
