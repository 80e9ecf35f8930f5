/** /leaderboard [period]: this scope's top students, posted publicly. */
import type { OptionName } from '../commands.js';
import type { CommandInteraction } from '../interaction.js';
import type { Period } from '../../../engine/api.js';
import { leaderboardEmbed } from '../render/leaderboard.js';
import type { HandlerContext } from './context.js';

export function parsePeriod(value: string | undefined): Period {
  return value === 'all' ? 'all' : 'week';
}

export async function handleLeaderboard(interaction: CommandInteraction, ctx: HandlerContext): Promise<void> {
  ctx.responder.deferAfter(ctx.deferAfterMs, false);
  const period = parsePeriod(interaction.strings.get('period' satisfies OptionName<'leaderboard'>));
  const view = await ctx.engine.getLeaderboard({ actor: ctx.actor, scope: ctx.place.scope, period });
  const title = ctx.place.scope.kind === 'server' ? ctx.place.scope.title : undefined;
  await ctx.responder.send({ embeds: [leaderboardEmbed(view, title)], ephemeral: false });
}
