/** /stats [user]: progress of the caller or of another member, shown only to the caller. */
import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOfUser } from '../context.js';
import { progressEmbed } from '../render/progress.js';
import type { HandlerContext } from './context.js';

export async function handleStats(
  interaction: ChatInputCommandInteraction,
  ctx: HandlerContext,
): Promise<void> {
  ctx.responder.deferAfter(ctx.deferAfterMs, true);
  const user = interaction.options.getUser('user' satisfies 'user');
  const actor =
    user === null || user.id === ctx.actor.userId
      ? ctx.actor
      : actorOfUser(user, interaction.options.getMember('user'));
  const progress = await ctx.engine.getProgress({ actor });
  await ctx.responder.send({ embeds: [progressEmbed(progress)], ephemeral: true });
}
