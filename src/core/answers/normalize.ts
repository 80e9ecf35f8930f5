/**
 * Canonical form of typed text before parsing: chat clients and phone keyboards produce look-alike characters
 * (Unicode minus, non-breaking spaces, full-width punctuation from CJK input methods, Discord code fences).
 */

const LOOKALIKES: Readonly<Record<string, string>> = {
  '\u2212': '-', // minus sign
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash (phones auto-correct "-" to it)
  '\u2014': '-', // em dash
  '\uFE63': '-', // small hyphen-minus
  '\uFF0D': '-', // full-width hyphen-minus
  '\uFF0B': '+',
  '\uFF0C': ',', // full-width comma
  '\u3001': ',', // ideographic comma
  '\uFF1A': ':', // full-width colon
  '\u2236': ':', // ratio sign
  '\uFF1B': ';',
  '\uFF08': '(',
  '\uFF09': ')',
  '\uFF3B': '[',
  '\uFF3D': ']',
  '\uFF0E': '.',
  '\u3002': '.',
  '\u2044': '/', // fraction slash
  '\u2215': '/', // division slash
  '\uFF0F': '/',
  '\u00F7': '/',
  '\uFF1D': '=',
};

const LOOKALIKE_RE =
  /[\u2212\u2012\u2013\u2014\uFE63\uFF0D\uFF0B\uFF0C\u3001\uFF1A\u2236\uFF1B\uFF08\uFF09\uFF3B\uFF3D\uFF0E\u3002\u2044\u2215\uFF0F\u00F7\uFF1D]/g;

/**
 * Trims, maps look-alike characters to ASCII, turns exotic spaces into plain spaces, CRLF into LF, removes
 * zero-width characters and Markdown code fences/backticks (```json\n...```, `0.81`). Idempotent.
 */
export function normalizeAnswer(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(LOOKALIKE_RE, (c) => LOOKALIKES[c] ?? c)
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)) // full-width digits
    .replace(/```[A-Za-z]*\n/g, '')
    .replace(/`/g, '')
    .trim();
}
