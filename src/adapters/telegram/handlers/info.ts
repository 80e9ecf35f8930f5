/** /start, /help, /topics and unknown commands. */
import type { Context } from 'grammy';
import { TG_TEXTS } from '../texts.js';
import { helpHtml, topicsHtml, welcomeHtml } from '../render/help.js';
import { sendHtml } from '../send.js';
import { messageInput, replyPlain } from './common.js';
import type { HandlerDeps } from './deps.js';
import { handleQuiz } from './quiz.js';

export async function handleStart(deps: HandlerDeps, ctx: Context, payload: string): Promise<void> {
  const input = messageInput(ctx);
  if (!input) return;
  // Deep links (t.me/bot?start=cnn) carry a topic: start that quiz straight away.
  if (/^[a-z0-9-]{1,64}$/i.test(payload.trim())) {
    await handleQuiz(deps, ctx, payload.trim());
    return;
  }
  await sendHtml(ctx, welcomeHtml({ inGroup: input.inGroup }), { replyTo: input.message.message_id });
}

export async function handleHelp(_deps: HandlerDeps, ctx: Context): Promise<void> {
  const input = messageInput(ctx);
  if (!input) return;
  await sendHtml(ctx, helpHtml({ inGroup: input.inGroup }), { replyTo: input.message.message_id });
}

export async function handleTopics(deps: HandlerDeps, ctx: Context): Promise<void> {
  const input = messageInput(ctx);
  if (!input) return;
  await sendHtml(ctx, topicsHtml(deps.engine.listTopics()), { replyTo: input.message.message_id });
}

export async function handleUnknownCommand(_deps: HandlerDeps, ctx: Context): Promise<void> {
  const input = messageInput(ctx);
  if (!input) return;
  await replyPlain(ctx, TG_TEXTS.unknownCommand, input.message.message_id);
}
