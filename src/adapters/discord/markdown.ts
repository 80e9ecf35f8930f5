/**
 * Discord markdown helpers. User text (names, typed answers) is escaped so it cannot change the formatting, and
 * mentions are defused twice: with `allowedMentions: { parse: [] }` on every message (nothing pings) and by
 * breaking the `@` so `@everyone` does not even render as a mention.
 */
/** Sent with every message the bot writes: no text in it can ping anyone. */
export const NO_MENTIONS = { parse: [] as [] } as const;

const ZWSP = '\u200b';

/** Escapes markdown and defuses mentions in text a user typed; collapses it to one line and caps its length. */
export function escapeUserText(text: string, maxLength = 200): string {
  const oneLine = text.replace(/[\r\n\t]+/g, ' ').trim();
  const capped = oneLine.length > maxLength ? `${[...oneLine].slice(0, maxLength - 1).join('')}…` : oneLine;
  return defuseMentions(escapeText(capped));
}

/** `@everyone` -> `@\u200beveryone`, `<@123>` -> `<@\u200b123>`: rendered as plain text. */
export function defuseMentions(text: string): string {
  return text.replace(/@/g, `@${ZWSP}`);
}

/** Inline markup anywhere: emphasis, strike-through, code, spoilers, masked links and the escape itself. */
const INLINE_MARKUP = /[\\*_~`|[]/g;
/**
 * Block markup at the start of a line: headings, subtext (`-#`), quotes, bulleted and numbered lists (`1.` becomes
 * `1\.`).
 */
const LINE_MARKUP = /^([ \t]*)(?:(#{1,3}(?=\s)|-#(?=\s)|>|[-+](?=\s))|(\d+)\.(?=\s))/gm;

/**
 * Escapes markdown in plain text (a name, an answer, or our own titles that may contain `*` or `_`): a backslash
 * before every character that could start markup, which Discord renders as the character itself. Two regular
 * expressions instead of discord.js's escapeMarkdown, which made a dozen passes (~10 µs an answer in
 * `npm run bench discord`) to escape only the occurrences that would pair up.
 */
export function escapeText(text: string): string {
  return text
    .replace(INLINE_MARKUP, '\\$&')
    .replace(LINE_MARKUP, (_, indent: string, mark: string | undefined, digits: string | undefined) =>
      mark === undefined ? `${indent}${digits}\\.` : `${indent}\\${mark}`,
    );
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
