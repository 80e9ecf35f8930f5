/**
 * Discord markdown helpers. User text (names, typed answers) is escaped so it cannot change the formatting, and
 * mentions are defused twice: with `allowedMentions: { parse: [] }` on every message (nothing pings) and by
 * breaking the `@` so `@everyone` does not even render as a mention.
 */
import { escapeMarkdown } from 'discord.js';

/** Sent with every message the bot writes: no text in it can ping anyone. */
export const NO_MENTIONS = { parse: [] as [] } as const;

const ZWSP = '\u200b';

/** Escapes markdown and defuses mentions in text a user typed; collapses it to one line and caps its length. */
export function escapeUserText(text: string, maxLength = 200): string {
  const oneLine = text.replace(/[\r\n\t]+/g, ' ').trim();
  const capped = oneLine.length > maxLength ? `${[...oneLine].slice(0, maxLength - 1).join('')}…` : oneLine;
  // escapeMarkdown leaves a leading block quote alone.
  return defuseMentions(escapeText(capped).replace(/^(\s*)>/, '$1\\>'));
}

/** `@everyone` -> `@\u200beveryone`, `<@123>` -> `<@\u200b123>`: rendered as plain text. */
export function defuseMentions(text: string): string {
  return text.replace(/@/g, `@${ZWSP}`);
}

/** Escapes our own plain texts (topic titles, questions) that may contain *, _ or ~ by accident. */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
}

/** Inline code; backticks inside would end it early, so they are replaced by a look-alike. */
export function inlineCode(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ')}\``;
}

/** A fenced code block for matrices and other monospace values. */
export function codeBlock(text: string): string {
  return `\`\`\`\n${text.replace(/```/g, 'ˋˋˋ')}\n\`\`\``;
}

/** Cuts text to at most `max` characters on a line boundary when possible, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 6);
  const nl = cut.lastIndexOf('\n');
  const base = nl > max / 2 ? cut.slice(0, nl) : cut;
  // Do not leave an unclosed code fence behind.
  const fences = (base.match(/```/g) ?? []).length;
  return fences % 2 === 1 ? `${base}\n\`\`\`…` : `${base}…`;
}
