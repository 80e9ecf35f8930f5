/** /stats [user]: progress of the caller or of another member, shown only to the caller. */
import type { OptionName } from '../commands.js';
import type { CommandInteraction } from '../interaction.js';
import { actorOfUser } from '../context.js';
import { progressEmbed } from '../render/progress.js';
import type { HandlerContext } from './context.js';

export async function handleStats(interaction: CommandInteraction, ctx: HandlerContext): Promise<void> {
  ctx.responder.deferAfter(ctx.deferAfterMs, true);
  const option = interaction.users.get('user' satisfies OptionName<'stats'>);
  const actor =
    option === undefined || option.user.id === ctx.actor.userId
      ? ctx.actor
      : actorOfUser(option.user, option.memberName);
  const progress = await ctx.engine.getProgress({ actor });
  await ctx.responder.send({ embeds: [progressEmbed(progress)], ephemeral: true });
}
