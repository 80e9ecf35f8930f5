/** /leaderboard [period]: this scope's top students, posted publicly. */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Period } from '../../../engine/api.js';
import { leaderboardEmbed } from '../render/leaderboard.js';
import type { HandlerContext } from './context.js';

export function parsePeriod(value: string | null): Period {
  return value === 'all' ? 'all' : 'week';
}

export async function handleLeaderboard(
  interaction: ChatInputCommandInteraction,
  ctx: HandlerContext,
): Promise<void> {
  ctx.responder.deferAfter(ctx.deferAfterMs, false);
  const period = parsePeriod(interaction.options.getString('period' satisfies 'period'));
  const view = await ctx.engine.getLeaderboard({ actor: ctx.actor, scope: ctx.place.scope, period });
  const title = ctx.place.scope.kind === 'server' ? ctx.place.scope.title : undefined;
  await ctx.responder.send({ embeds: [leaderboardEmbed(view, title)], ephemeral: false });
}
