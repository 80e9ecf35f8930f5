/**
 * /reset-leaderboard (admins): Discord hides it from members without Manage Server (default_member_permissions),
 * but server admins can change that, so the member's permissions are checked again here and passed to the engine.
 */
import { hasAdminPermission } from '../commands.js';
import type { CommandInteraction } from '../interaction.js';
import { DISCORD_TEXTS } from '../texts.js';
import { sendError, sendNotice, type HandlerContext } from './context.js';

export async function handleResetLeaderboard(
  interaction: CommandInteraction,
  ctx: HandlerContext,
): Promise<void> {
  if (interaction.guildId === undefined) return sendNotice(ctx, DISCORD_TEXTS.adminOnlyInServers);
  ctx.responder.deferAfter(ctx.deferAfterMs, true);
  const isAdmin = hasAdminPermission(interaction.memberPermissions);
  const result = await ctx.engine.resetLeaderboard({
    actor: ctx.actor,
    scope: ctx.place.scope,
    isAdmin,
    event: ctx.event,
  });
  if (!result.ok) {
    ctx.logger.info('discord: reset-leaderboard refused', {
      userId: ctx.actor.userId,
      guildId: interaction.guildId,
    });
    return sendError(ctx, result.error, result.detail);
  }
  await sendNotice(ctx, DISCORD_TEXTS.leaderboardReset, false);
}
