/** Reading the bot's question messages back and typing answers to them, for end-to-end tests. */
import type { Message } from 'grammy/types';
import { buildQuestion, findTopic } from '../../../../src/core/topics/index.js';
import type { Part, Expected, Step } from '../../../../src/core/types.js';
import { createRng } from '../../../../src/core/rng.js';
import type { Engine, QuestionView } from '../../../../src/engine/api.js';

/** A deterministic `random` for the engine (which topic, which seed). */
export function seededRandom(seed: number): () => number {
  const rng = createRng(seed);
  return () => rng.next();
}

/** The question id a question message's buttons carry (callback data `h:<id>`). */
export function questionIdOf(message: Message): string {
  const buttons = message.reply_markup?.inline_keyboard.flat() ?? [];
  const hint = buttons.find((b) => 'callback_data' in b && b.callback_data.startsWith('h:'));
  if (!hint || !('callback_data' in hint)) throw new Error(`message ${message.message_id} shows no question`);
  return hint.callback_data.slice(2);
}

export function buttonData(message: Message, prefix: 'h' | 's' | 'n'): string {
  return `${prefix}:${questionIdOf(message)}`;
}

/** The exact answers of the question a message shows, rebuilt from (topic, seed) like any process would. */
export async function answersOf(
  engine: Engine,
  message: Message,
): Promise<{ view: QuestionView; parts: readonly Part[]; steps: readonly Step[] }> {
  const view = await engine.getQuestion(questionIdOf(message));
  if (!view) throw new Error('question not found');
  const topic = findTopic(view.topicId);
  if (!topic) throw new Error(`unknown topic ${view.topicId}`);
  const built = buildQuestion(topic, view.seed);
  return { view, parts: built.parts, steps: built.steps };
}

/** What a student would type for the exact value. */
export function typedRight(e: Expected): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'vector':
      return `[${e.value.join(', ')}]`;
    case 'matrix':
      return `[${e.value.map((r) => `[${r.join(', ')}]`).join(', ')}]`;
    case 'shape':
      return `(${e.value.join(', ')})`;
    case 'ratio':
      return `${e.value[0]}:${e.value[1]}`;
    case 'boolean':
      return e.value ? 'T' : 'F';
    case 'choice':
      return e.value;
  }
}

/** A well-formed but wrong answer of the right kind. */
export function typedWrong(e: Expected): string {
  switch (e.kind) {
    case 'number':
      return String(e.value + 17);
    case 'vector':
      return `[${e.value.map((x) => x + 17).join(', ')}]`;
    case 'matrix':
      return `[${e.value.map((r) => `[${r.map((x) => x + 17).join(', ')}]`).join(', ')}]`;
    case 'shape':
      return `(${e.value.map((x) => x + 17).join(', ')})`;
    case 'ratio':
      return `${e.value[0] + 17}:${e.value[1]}`;
    case 'boolean':
      return e.value ? 'F' : 'T';
    case 'choice':
      return e.options.find((o) => o !== e.value) ?? 'Z';
  }
}
