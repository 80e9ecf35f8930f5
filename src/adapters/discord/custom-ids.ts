/**
 * Custom ids of buttons and modals carry everything a click needs (Discord keeps them on the message), so no quiz
 * state lives in this process: any bot instance can handle any click. Format `sb:<action>:<questionId>[:<page>]`,
 * at most 100 characters.
 */
export type ButtonAction = 'answer' | 'hint' | 'solution' | 'next';

export type CustomId =
  | {
      readonly kind: 'button';
      readonly action: ButtonAction;
      readonly questionId: string;
      readonly page: number;
    }
  | { readonly kind: 'modal'; readonly questionId: string; readonly page: number };

const PREFIX = 'sb';
const ACTIONS: readonly ButtonAction[] = ['answer', 'hint', 'solution', 'next'];
/** Text inputs in an answer modal: `part:<partId>`. */
const PART_PREFIX = 'part:';

export function buttonId(action: ButtonAction, questionId: string, page = 0): string {
  return checked(
    action === 'answer' ? `${PREFIX}:${action}:${questionId}:${page}` : `${PREFIX}:${action}:${questionId}`,
  );
}

export function modalId(questionId: string, page: number): string {
  return checked(`${PREFIX}:modal:${questionId}:${page}`);
}

export function partFieldId(partId: string): string {
  return checked(`${PART_PREFIX}${partId}`);
}

/** The part id of a modal text input, or undefined for an input that is not an answer field. */
export function parsePartFieldId(customId: string): string | undefined {
  return customId.startsWith(PART_PREFIX) && customId.length > PART_PREFIX.length
    ? customId.slice(PART_PREFIX.length)
    : undefined;
}

/** Undefined for ids this bot did not make (or made by an older version). */
export function parseCustomId(customId: string): CustomId | undefined {
  const [prefix, action, questionId, pageText, ...rest] = customId.split(':');
  if (prefix !== PREFIX || questionId === undefined || questionId === '' || rest.length > 0) return undefined;
  const page = pageText === undefined ? 0 : Number(pageText);
  if (!Number.isInteger(page) || page < 0 || page > 20) return undefined;
  if (action === 'modal') return { kind: 'modal', questionId, page };
  const known = ACTIONS.find((a) => a === action);
  if (known === undefined) return undefined;
  return { kind: 'button', action: known, questionId, page };
}

function checked(id: string): string {
  if (id.length > 100) throw new Error(`custom id longer than 100 characters: ${id.slice(0, 40)}...`);
  return id;
}
