/**
 * Typed answers. In a group a message is an answer only when it replies to one of this bot's messages (privacy
 * mode delivers nothing else, and with privacy off the group's chatter is not for us); in a private chat any plain
 * message answers the open question.
 */
import { GrammyError, type Context } from 'grammy';
import type { SubmitOutcome } from '../../../engine/api.js';
import { errorText } from '../../shared/texts.js';
import { boardLineHtml } from '../feedback-board-html.js';
import { messageEvent } from '../identity.js';
import { escapeHtml } from '../render/escape.js';
import { outcomeHtml, outcomeSolutionHtml } from '../render/outcome.js';
import { splitHtml } from '../render/split.js';
import { privateSolutionIntro, TG_TEXTS } from '../texts.js';
import { sendHtml } from '../send.js';
import { messageInput, questionIdField, repliedQuestionId, replyPlain } from './common.js';
import type { HandlerDeps } from './deps.js';

export async function handleAnswer(deps: HandlerDeps, ctx: Context): Promise<void> {
  const input = messageInput(ctx);
  const text = input?.message.text;
  if (!input || text === undefined) return;
  const repliesToBot = input.message.reply_to_message?.from?.id === ctx.me.id;
  if (input.inGroup && !repliesToBot) return;
  // A reply to one of our messages that is not a question (feedback, a hint) answers the latest question here.
  const questionId = repliesToBot ? await repliedQuestionId(deps, ctx, input) : undefined;
  const event = messageEvent(input.message);
  const result = await deps.engine.submitAnswer({
    actor: input.actor,
    place: input.place,
    answer: { text },
    event,
    ...questionIdField(questionId),
  });
  if (!result.ok) {
    await replyPlain(ctx, errorText(result.error, result.detail), input.message.message_id);
    return;
  }
  const outcome = result.value;
  if (outcome.duplicate) {
    // Already graded and answered when this message was first delivered: say nothing twice.
    deps.logger.info('duplicate answer ignored', { updateId: ctx.update.update_id });
    return;
  }
  if (input.inGroup) {
    const chatId = input.chat.id;
    const board = outcome.question.questionId;
    // A busy group gets one board per question (edited in place) instead of a reply per answer.
    if (deps.boards.has(chatId, board) || deps.boards.isBusy(chatId)) {
      const thread = input.message.is_topic_message === true ? input.message.message_thread_id : undefined;
      const replyTo = repliesToBot ? input.message.reply_to_message?.message_id : undefined;
      await deps.boards.post({
        chatId,
        questionId: board,
        studentKey: input.actor.userId,
        lineHtml: boardLineHtml(outcome, input.actor.displayName, {
          solutionSentPrivately: await sendSolutionPrivately(deps, ctx, outcome, input.from.id),
        }),
        ...(thread === undefined ? {} : { threadId: thread }),
        ...(replyTo === undefined ? {} : { replyTo }),
      });
      await deps.engine.markDelivered({ actor: input.actor, event });
      return;
    }
  }
  const feedback = outcomeHtml(outcome, { inGroup: input.inGroup, displayName: input.actor.displayName });
  const solution = outcomeSolutionHtml(outcome);
  await sendHtml(ctx, solution === undefined ? feedback : `${feedback}\n\n${solution}`, {
    replyTo: input.message.message_id,
  });
  // Only now is a redelivery of this update a duplicate; until then it is answered again (see the engine).
  await deps.engine.markDelivered({ actor: input.actor, event });
}

/**
 * On a busy group's board a student out of tries gets no worked solution in the group (it would be one more long
 * message, and a spoiler for everyone still trying): it goes to their private chat with the bot, when they have
 * one. False when it could not be sent (they never started the bot) or there is nothing to send.
 */
async function sendSolutionPrivately(
  deps: HandlerDeps,
  ctx: Context,
  outcome: SubmitOutcome,
  userId: number,
): Promise<boolean> {
  const solution = outcomeSolutionHtml(outcome);
  if (solution === undefined || outcome.solved) return false;
  const html = `${escapeHtml(privateSolutionIntro(outcome.question.title))}\n\n${solution}`;
  try {
    for (const piece of splitHtml(html)) {
      await ctx.api.sendMessage(userId, piece, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      });
    }
    return true;
  } catch (error) {
    if (!(error instanceof GrammyError && (error.error_code === 403 || error.error_code === 400))) {
      deps.logger.warn('could not send a worked solution privately', {
        updateId: ctx.update.update_id,
        error,
      });
    }
    return false;
  }
}

/** Photos, stickers, voice notes... in a private chat: explain that answers are text. Ignored in groups. */
export async function handleNonText(_deps: HandlerDeps, ctx: Context): Promise<void> {
  const input = messageInput(ctx);
  if (!input || input.inGroup) return;
  const m = input.message;
  const media = ['photo', 'sticker', 'document', 'voice', 'video', 'animation', 'audio', 'video_note'];
  if (!media.some((k) => k in m)) return;
  await replyPlain(ctx, TG_TEXTS.textOnly, m.message_id);
}
