/**
 * The inline keyboard under a question. Callback data carries the action and the question id (`h:42`), so a
 * button always acts on its own question, whichever question is newer in the chat.
 */
import { InlineKeyboard } from 'grammy';

export type ButtonAction = 'hint' | 'solution' | 'next';

const CODE: Record<ButtonAction, string> = { hint: 'h', solution: 's', next: 'n' };
const ACTION: Record<string, ButtonAction> = { h: 'hint', s: 'solution', n: 'next' };

/** Telegram's limit on callback data, in bytes. */
const MAX_CALLBACK_BYTES = 64;

export function encodeCallback(action: ButtonAction, questionId: string): string {
  const data = `${CODE[action]}:${questionId}`;
  if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES)
    throw new RangeError(`question id too long for callback data`);
  return data;
}

export function decodeCallback(data: string): { action: ButtonAction; questionId: string } | undefined {
  const m = /^([hsn]):([A-Za-z0-9_-]{1,60})$/.exec(data);
  const action = m ? ACTION[m[1] ?? ''] : undefined;
  if (!m || !action) return undefined;
  return { action, questionId: m[2] ?? '' };
}

export function questionKeyboard(questionId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text('💡 Hint', encodeCallback('hint', questionId))
    .text('📖 Solution', encodeCallback('solution', questionId))
    .row()
    .text('🔁 New question', encodeCallback('next', questionId));
}
