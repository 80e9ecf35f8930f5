/**
 * Display names as the bot shows them, on every platform: a name is user-chosen text that lands in public
 * messages, so it must not be able to reorder the text around it (bidirectional overrides and isolates), break
 * the message into lines (line and paragraph separators, newlines), or hide characters (C0/C1 controls,
 * zero-width spaces, the byte-order mark). Zero-width joiners and non-joiners are kept: emoji sequences and
 * Persian or Indic names need them, and they cannot move text.
 */

// C0/C1 controls except whitespace (folded below), the Arabic letter mark, LRM/RLM, LRE/RLE/PDF/LRO/RLO,
// LRI/RLI/FSI/PDI, zero-width space, word joiner and invisible operators, byte-order mark.
const HIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Every kind of line break and run of spaces (\s covers U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR). */
const SPACES = /[\s\u0085]+/g;

/** A safe one-line name of at most `max` characters (code points); `fallback` when nothing visible is left. */
export function cleanDisplayName(name: string, options: { max?: number; fallback?: string } = {}): string {
  const max = options.max ?? 64;
  const flat = name.replace(HIDDEN, '').replace(SPACES, ' ').trim();
  if (flat === '') return options.fallback ?? 'someone';
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}
