/** /optout: toggles whether the caller appears on leaderboards. */
import { DISCORD_TEXTS } from '../texts.js';
import { sendNotice, type HandlerContext } from './context.js';

export async function handleOptOut(ctx: HandlerContext): Promise<void> {
  ctx.responder.deferAfter(ctx.deferAfterMs, true);
  const current = await ctx.engine.getProgress({ actor: ctx.actor });
  const { optedOut } = await ctx.engine.setOptOut({ actor: ctx.actor, optOut: !current.optedOut });
  await sendNotice(ctx, optedOut ? DISCORD_TEXTS.optedOut : DISCORD_TEXTS.optedIn);
}
