/** `studybot topics [--json]`: every group and topic. */
import { GROUPS, TOPICS, topicsInGroup } from '../../../core/topics/index.js';
import { parseArgs, expectPositionals } from '../args.js';
import { EXIT, type CliIo } from '../io.js';

export function topicsCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { booleans: ['json'] }, 'topics');
  expectPositionals(args, [], 'topics');
  if (args.booleans.has('json')) {
    const json = {
      groups: GROUPS.map((g) => ({ ...g, topics: topicsInGroup(g.id).map((t) => t.id) })),
      topics: TOPICS.map((t) => ({
        id: t.id,
        title: t.title,
        summary: t.summary,
        groups: t.groups,
        difficulty: t.difficulty,
        ...(t.paperRef === undefined ? {} : { paperRef: t.paperRef }),
      })),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT.ok;
  }
  const groupWidth = Math.max(...GROUPS.map((g) => g.id.length));
  const topicWidth = Math.max(0, ...TOPICS.map((t) => t.id.length));
  const lines = ['Groups (studybot quiz <group> picks a topic of the group):'];
  for (const g of GROUPS) {
    const n = topicsInGroup(g.id).length;
    lines.push(`  ${g.id.padEnd(groupWidth)}  ${g.title}: ${g.summary} (${n} topic${n === 1 ? '' : 's'})`);
  }
  lines.push('', `Topics (studybot quiz <topic>), ${TOPICS.length} in all:`);
  for (const t of TOPICS) {
    const paper = t.paperRef === undefined ? '' : ` [paper ${t.paperRef}]`;
    lines.push(
      `  ${t.id.padEnd(topicWidth)}  ${t.title} (${t.groups.join(', ')}; difficulty ${t.difficulty})${paper}`,
    );
    lines.push(`  ${' '.repeat(topicWidth)}  ${t.summary}`);
  }
  lines.push('', 'studybot quiz any (or all) picks any topic.');
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
