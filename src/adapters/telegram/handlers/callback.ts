/** The Hint, Solution and New question buttons under a question. The callback data names the question. */
import type { Context } from 'grammy';
import { errorText } from '../../shared/texts.js';
import { actorOf, callbackEvent, isGroupChat, placeOf } from '../identity.js';
import { decodeCallback } from '../keyboard.js';
import { truncate } from '../render/escape.js';
import { hintHtml, solutionHtml } from '../render/steps.js';
import { TG_TEXTS } from '../texts.js';
import { sendHtml } from '../send.js';
import { postQuestion } from './common.js';
import type { HandlerDeps } from './deps.js';

/** Telegram shows at most 200 characters in a callback answer. */
const toast = (text: string): string => truncate(text, 200);

export async function handleCallback(deps: HandlerDeps, ctx: Context): Promise<void> {
  const query = ctx.callbackQuery;
  if (!query) return;
  const decoded = decodeCallback(query.data ?? '');
  const message = query.message;
  if (!decoded || !message) {
    await ctx.answerCallbackQuery({ text: toast(TG_TEXTS.callbackStale) });
    return;
  }
  const target = {
    actor: actorOf(query.from),
    place: placeOf(message.chat, 'is_topic_message' in message ? message : undefined),
    questionId: decoded.questionId,
    event: callbackEvent(query.id),
  };
  const inGroup = isGroupChat(message.chat);
  const replyTo = message.message_id;
  switch (decoded.action) {
    case 'hint': {
      const result = await deps.engine.getHint(target);
      if (!result.ok) {
        await ctx.answerCallbackQuery({
          text: toast(errorText(result.error, result.detail)),
          show_alert: true,
        });
        return;
      }
      await ctx.answerCallbackQuery({ text: TG_TEXTS.callbackHintPosted });
      if (result.value.duplicate === true) return;
      await sendHtml(ctx, hintHtml(result.value, inGroup ? target.actor.displayName : undefined), {
        replyTo,
      });
      return;
    }
    case 'solution': {
      const result = await deps.engine.revealSolution({ ...target, public: inGroup });
      if (!result.ok) {
        await ctx.answerCallbackQuery({
          text: toast(errorText(result.error, result.detail)),
          show_alert: true,
        });
        return;
      }
      await ctx.answerCallbackQuery({ text: TG_TEXTS.callbackSolutionPosted });
      await sendHtml(ctx, solutionHtml(result.value), { replyTo });
      return;
    }
    case 'next': {
      const result = await deps.engine.nextQuestion(target);
      if (!result.ok) {
        await ctx.answerCallbackQuery({
          text: toast(errorText(result.error, result.detail)),
          show_alert: true,
        });
        return;
      }
      await ctx.answerCallbackQuery({ text: TG_TEXTS.callbackQuestionPosted });
      await postQuestion(deps, ctx, result.value, { inGroup });
      return;
    }
  }
}
