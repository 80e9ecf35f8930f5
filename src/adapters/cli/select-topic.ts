/** Resolves a topic-or-group selector and a seed to one topic, with "did you mean" for typos. */
import { resolveSelection, suggestSelectors } from '../../core/topics/index.js';
import type { Topic } from '../../core/types.js';
import { type CommandName, UsageError } from './usage.js';

export function unknownSelectorError(selector: string, command: CommandName): UsageError {
  const near = suggestSelectors(selector);
  const hint = near.length > 0 ? ` Did you mean ${near.map((s) => `"${s}"`).join(' or ')}?` : '';
  return new UsageError(`unknown topic or group "${selector}".${hint} See \`studybot topics\`.`, command);
}

/** One topic by id (groups not allowed: `solve` needs the exact topic its parameters belong to). */
export function requireTopic(id: string, command: CommandName): Topic<unknown> {
  const sel = resolveSelection(id);
  if (sel?.kind === 'topic') return sel.topic;
  if (sel !== undefined) {
    throw new UsageError(
      `"${id}" is a group, not a topic: name one topic (see \`studybot topics\`)`,
      command,
    );
  }
  throw unknownSelectorError(id, command);
}

/**
 * The topic for (selector, seed): the topic itself, or for a group (or 'any') the topic at index seed mod n, so
 * the same selector and seed always give the same question.
 */
export function selectTopic(selector: string, seed: number, command: CommandName): Topic<unknown> {
  const sel = resolveSelection(selector);
  if (sel === undefined) throw unknownSelectorError(selector, command);
  if (sel.kind === 'topic') return sel.topic;
  const topic = sel.topics[seed % sel.topics.length];
  if (topic === undefined) throw new UsageError(`the group "${selector}" has no topics yet`, command);
  return topic;
}
