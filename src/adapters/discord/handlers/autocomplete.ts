/** Autocomplete for `/quiz topic:`: groups first, then topics, matched on id and title. */
import type { APIApplicationCommandOptionChoice } from 'discord.js';
import type { TopicListView } from '../../../engine/api.js';
import { cut, LIMITS } from '../render/limits.js';

export function topicChoices(
  view: TopicListView,
  typed: string,
): APIApplicationCommandOptionChoice<string>[] {
  const q = typed.trim().toLowerCase();
  const matches = (...texts: string[]): boolean => q === '' || texts.some((t) => t.toLowerCase().includes(q));
  const choices: APIApplicationCommandOptionChoice<string>[] = [];
  if (matches('any', 'random', 'any topic')) choices.push({ name: 'Any topic (random)', value: 'any' });
  for (const g of view.groups) {
    if (matches(g.id, g.title)) {
      choices.push({
        name: cut(`${g.id}: ${g.title} (${g.topics.length} topics)`, LIMITS.choiceName),
        value: g.id,
      });
    }
  }
  const seen = new Set<string>();
  for (const g of view.groups) {
    for (const t of g.topics) {
      if (seen.has(t.id) || !matches(t.id, t.title)) continue;
      seen.add(t.id);
      choices.push({ name: cut(`${t.id}: ${t.title}`, LIMITS.choiceName), value: t.id });
    }
  }
  return choices.slice(0, LIMITS.autocompleteChoices);
}
