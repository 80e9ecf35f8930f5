/**
 * Making user text and plain engine texts safe inside Telegram's HTML parse mode. Every string that did not come
 * from our own templates goes through `escapeHtml` (and display names through `cleanName` first), so nothing a user
 * types can open a tag, close one, or forge an entity.
 */

/** Escapes the three characters Telegram's HTML parser treats specially, plus the double quote for attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      default:
        return '&quot;';
    }
  });
}

// C0/C1 controls (except tab and newline), bidirectional overrides and isolates, zero-width joiners used for spoofing.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/** A display name as shown by the bot: no control or direction-override characters, one line, at most 48 characters. */
export function cleanName(name: string, max = 48): string {
  const flat = name.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return truncate(flat === '' ? 'someone' : flat, max);
}

/** Escaped, sanitised display name. */
export function nameHtml(name: string): string {
  return escapeHtml(cleanName(name));
}

/** What a student typed, echoed back safely on one line inside <code>. */
export function typedHtml(typed: string, max = 120): string {
  const flat = typed.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return `<code>${escapeHtml(truncate(flat, max))}</code>`;
}
