/** Sending HTML that may exceed one message: split safely, reply to the student's message, keyboard on the last piece. */
import type { Context, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import { splitHtml } from './render/split.js';

export interface SendOptions {
  /** Message to reply to (the student's command or answer). */
  readonly replyTo?: number;
  readonly keyboard?: InlineKeyboard;
}

/** Sends the HTML as one or more messages and returns them in order (never empty). */
export async function sendHtml(
  ctx: Context,
  html: string,
  options: SendOptions = {},
): Promise<Message.TextMessage[]> {
  const pieces = splitHtml(html);
  const sent: Message.TextMessage[] = [];
  for (const [i, piece] of pieces.entries()) {
    const first = i === 0;
    const last = i === pieces.length - 1;
    sent.push(
      await ctx.reply(piece, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(first && options.replyTo !== undefined
          ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
          : {}),
        ...(last && options.keyboard ? { reply_markup: options.keyboard } : {}),
      }),
    );
  }
  return sent;
}
