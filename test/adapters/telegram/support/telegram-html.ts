/**
 * A strict model of Telegram's HTML parse mode, used by the fake Bot API to refuse what the real API refuses:
 * unsupported or unbalanced tags, a bare `<`, `>` or `&`, unknown entities, and texts over 4096 characters after
 * parsing. Returns the plain text Telegram would show.
 */
const ALLOWED = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'span',
  'tg-spoiler',
  'tg-emoji',
  'blockquote',
]);

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export type HtmlParse = { ok: true; text: string } | { ok: false; description: string };

export function parseTelegramHtml(html: string): HtmlParse {
  const fail = (why: string): HtmlParse => ({
    ok: false,
    description: `Bad Request: can't parse entities: ${why}`,
  });
  const stack: string[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) return fail(`unclosed start tag at byte offset ${i}`);
      const raw = html.slice(i + 1, end);
      const m = /^(\/?)([a-z][a-z-]*)(\s[^]*)?$/i.exec(raw);
      if (!m) return fail(`unsupported start tag "${raw.slice(0, 20)}" at byte offset ${i}`);
      const closing = m[1] === '/';
      const name = (m[2] ?? '').toLowerCase();
      if (!ALLOWED.has(name)) return fail(`unsupported start tag "${name}" at byte offset ${i}`);
      if (closing) {
        if (stack.pop() !== name)
          return fail(`unmatched end tag at byte offset ${i}, expected "</${stack.at(-1) ?? ''}>"`);
      } else {
        const attrs = m[3] ?? '';
        if (name === 'a' && !/^\s+href="[^"<>]*"\s*$/.test(attrs)) return fail('bad <a> tag');
        if (name !== 'a' && attrs.trim() !== '' && !/^\s+class="[a-z0-9_-]+"\s*$/i.test(attrs)) {
          return fail(`unsupported attribute in "${name}"`);
        }
        if (
          (stack.includes('code') || stack.includes('pre')) &&
          !(name === 'code' && stack.at(-1) === 'pre')
        ) {
          return fail(`entity "${name}" can't be nested inside pre or code`);
        }
        stack.push(name);
      }
      i = end + 1;
    } else if (c === '&') {
      const m = /^&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/i.exec(html.slice(i, i + 12));
      if (!m) return fail(`unsupported HTML entity at byte offset ${i}`);
      const body = m[1] ?? '';
      if (body.startsWith('#x')) text += String.fromCodePoint(parseInt(body.slice(2), 16));
      else if (body.startsWith('#')) text += String.fromCodePoint(parseInt(body.slice(1), 10));
      else if (NAMED[body] !== undefined) text += NAMED[body];
      else return fail(`unsupported HTML entity "&${body};"`);
      i += m[0].length;
    } else if (c === '>') {
      return fail(`unexpected end tag at byte offset ${i}`);
    } else {
      text += c;
      i += 1;
    }
  }
  if (stack.length > 0) return fail(`can't find end tag corresponding to start tag "${stack.at(-1) ?? ''}"`);
  return { ok: true, text };
}
