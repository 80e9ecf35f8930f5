/** Helpers shared by the message and button handlers. */
import type { Context } from 'grammy';
import type { Chat, Message, User } from 'grammy/types';
import type { Actor, Place, QuestionView } from '../../../engine/api.js';
import { actorOf, isGroupChat, placeOf } from '../identity.js';
import { questionKeyboard } from '../keyboard.js';
import { escapeHtml } from '../render/escape.js';
import { questionHtml } from '../render/question.js';
import { sendHtml } from '../send.js';
import type { HandlerDeps } from './deps.js';

export interface MessageInput {
  readonly message: Message;
  readonly from: User;
  readonly chat: Chat;
  readonly actor: Actor;
  readonly place: Place;
  readonly inGroup: boolean;
}

/** A message from a person (not a channel, not another bot), or undefined. */
export function messageInput(ctx: Context): MessageInput | undefined {
  const message = ctx.message;
  const from = message?.from;
  if (!message || !from || from.is_bot) return undefined;
  return {
    message,
    from,
    chat: message.chat,
    actor: actorOf(from),
    place: placeOf(message.chat, message),
    inGroup: isGroupChat(message.chat),
  };
}

/** Replies with a plain text (escaped) to the given message. */
export async function replyPlain(ctx: Context, text: string, replyTo: number): Promise<void> {
  await sendHtml(ctx, escapeHtml(text), { replyTo });
}

/** When the message replies to one of this bot's messages that shows a question, that question's id. */
export async function repliedQuestionId(
  deps: HandlerDeps,
  ctx: Context,
  input: MessageInput,
): Promise<string | undefined> {
  const replied = input.message.reply_to_message;
  if (!replied || replied.from?.id !== ctx.me.id) return undefined;
  const known = deps.questionMessages.get(input.chat.id, replied.message_id);
  if (known !== undefined) return known;
  const view = await deps.engine.findQuestionByMessage({
    place: input.place,
    messageId: String(replied.message_id),
  });
  if (view) deps.questionMessages.set(input.chat.id, replied.message_id, view.questionId);
  return view?.questionId;
}

/** Posts a question with its keyboard and records which message shows it (replies to it are answers). */
export async function postQuestion(
  deps: HandlerDeps,
  ctx: Context,
  view: QuestionView,
  options: { inGroup: boolean; replyTo?: number },
): Promise<void> {
  if (view.duplicate === true) return;
  const sent = await sendHtml(ctx, questionHtml(view, { inGroup: options.inGroup }), {
    keyboard: questionKeyboard(view.questionId),
    ...(options.replyTo !== undefined ? { replyTo: options.replyTo } : {}),
  });
  const shown = sent.at(-1);
  if (!shown) return;
  await deps.engine.attachMessage({ questionId: view.questionId, messageId: String(shown.message_id) });
  // Replies to it in this process then need no store lookup to know which question they answer.
  deps.questionMessages.set(shown.chat.id, shown.message_id, view.questionId);
}

/** `{ questionId }` when defined, `{}` otherwise (exactOptionalPropertyTypes). */
export function questionIdField(questionId: string | undefined): { questionId?: string } {
  return questionId === undefined ? {} : { questionId };
}
