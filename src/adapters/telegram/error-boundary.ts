/**
 * The adapter's one error boundary. Whatever a handler throws, the student gets a friendly message (never the
 * error's text), the cause is logged by kind, and the bot keeps running.
 */
import { GrammyError, HttpError, type Context } from 'grammy';
import { GENERIC_FAILURE } from '../shared/texts.js';
import type { Logger } from './config.js';
import { escapeHtml } from './render/escape.js';

export type FailureKind = 'telegram-api' | 'network' | 'internal';

export function classifyError(error: unknown): { kind: FailureKind; fields: Record<string, unknown> } {
  if (error instanceof GrammyError) {
    return {
      kind: 'telegram-api',
      fields: { method: error.method, errorCode: error.error_code, description: error.description },
    };
  }
  if (error instanceof HttpError) {
    return { kind: 'network', fields: { message: error.message, cause: String(error.error) } };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'internal', fields: { name: e.name, message: e.message, stack: e.stack } };
}

/** True when telling the student is pointless: the bot was blocked, kicked, or cannot write in that chat. */
function cannotWrite(error: unknown): boolean {
  return error instanceof GrammyError && (error.error_code === 403 || error.error_code === 401);
}

export async function handleFailure(ctx: Context, error: unknown, logger: Logger): Promise<void> {
  const { kind, fields } = classifyError(error);
  logger.error(`handler failed (${kind})`, { updateId: ctx.update.update_id, ...fields });
  if (cannotWrite(error)) return;
  try {
    // A button press already answered before the failure cannot be answered again: then say it in the chat.
    const answered = ctx.callbackQuery
      ? await ctx.answerCallbackQuery({ text: GENERIC_FAILURE, show_alert: true }).then(
          () => true,
          () => false,
        )
      : false;
    const replyTo = ctx.message?.message_id ?? ctx.callbackQuery?.message?.message_id;
    if (!answered && ctx.chat) {
      await ctx.reply(escapeHtml(GENERIC_FAILURE), {
        parse_mode: 'HTML',
        ...(replyTo === undefined
          ? {}
          : { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }),
      });
    }
  } catch (apologyError) {
    logger.warn('could not tell the student about a failure', {
      updateId: ctx.update.update_id,
      ...classifyError(apologyError).fields,
    });
  }
}
