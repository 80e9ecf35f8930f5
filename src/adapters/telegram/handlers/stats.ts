/** /stats, /leaderboard [week|all] and /optout [off]. */
import type { Context } from 'grammy';
import type { Period } from '../../../engine/api.js';
import { TG_TEXTS } from '../texts.js';
import { leaderboardHtml } from '../render/leaderboard.js';
import { progressHtml } from '../render/progress.js';
import { sendHtml } from '../send.js';
import { messageInput, replyPlain } from './common.js';
import type { HandlerDeps } from './deps.js';

export async function handleStats(deps: HandlerDeps, ctx: Context): Promise<void> {
  const input = messageInput(ctx);
  if (!input) return;
  const view = await deps.engine.getProgress({ actor: input.actor });
  await sendHtml(ctx, progressHtml(view), { replyTo: input.message.message_id });
}

export function parsePeriod(arg: string): Period | undefined {
  const a = arg.trim().toLowerCase();
  if (a === '' || a === 'week' || a === 'w' || a === 'weekly') return 'week';
  if (a === 'all' || a === 'a' || a === 'alltime' || a === 'all-time' || a === 'ever') return 'all';
  return undefined;
}

export async function handleLeaderboard(deps: HandlerDeps, ctx: Context, arg: string): Promise<void> {
  const input = messageInput(ctx);
  if (!input) return;
  const period = parsePeriod(arg);
  if (!period) {
    await replyPlain(ctx, TG_TEXTS.leaderboardUsage, input.message.message_id);
    return;
  }
  const view = await deps.engine.getLeaderboard({ actor: input.actor, scope: input.place.scope, period });
  // The caller is absent from a board either because they are unranked or opted out; only progress tells which.
  const optedOut =
    view.me === undefined ? (await deps.engine.getProgress({ actor: input.actor })).optedOut : false;
  const title = input.place.scope.title;
  await sendHtml(ctx, leaderboardHtml(view, { optedOut, ...(title === undefined ? {} : { title }) }), {
    replyTo: input.message.message_id,
  });
}

export async function handleOptOut(deps: HandlerDeps, ctx: Context, arg: string): Promise<void> {
  const input = messageInput(ctx);
  if (!input) return;
  const a = arg.trim().toLowerCase();
  // Explicit on/off rather than a toggle: a redelivered update must not flip it back.
  const optOut = a === '' || a === 'on' || a === 'yes' ? true : a === 'off' || a === 'no' ? false : undefined;
  if (optOut === undefined) {
    await replyPlain(ctx, TG_TEXTS.optoutUsage, input.message.message_id);
    return;
  }
  const result = await deps.engine.setOptOut({ actor: input.actor, optOut });
  await replyPlain(ctx, result.optedOut ? TG_TEXTS.optedOut : TG_TEXTS.optedIn, input.message.message_id);
}
