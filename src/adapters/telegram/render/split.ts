/**
 * Splits Telegram HTML into messages under the 4096-character limit without breaking markup: a cut inside
 * <pre> or <b> closes the open tags at the end of one message and reopens them (with their attributes) at the
 * start of the next. Cuts prefer line breaks, then spaces. The limit is applied to the HTML source, which is
 * always at least as long as the text Telegram counts, so every piece is safe.
 */

/** Telegram's limit on a message text, in characters after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;

interface OpenTag {
  readonly name: string;
  /** The opening tag as written, e.g. `<code class="language-text">`. */
  readonly open: string;
}

const TOKEN = /<[^>]*>|&#?[a-zA-Z0-9]+;|\n|[^<&\n]+|[<&]/g;

function tagOf(token: string): { kind: 'open' | 'close'; name: string } | undefined {
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(token);
  if (!m || !token.endsWith('>')) return undefined;
  return { kind: m[1] === '/' ? 'close' : 'open', name: (m[2] ?? '').toLowerCase() };
}

function closers(stack: readonly OpenTag[]): string {
  return stack
    .slice()
    .reverse()
    .map((t) => `</${t.name}>`)
    .join('');
}

function openers(stack: readonly OpenTag[]): string {
  return stack.map((t) => t.open).join('');
}

function closersLength(stack: readonly OpenTag[]): number {
  return stack.reduce((n, t) => n + t.name.length + 3, 0);
}

function apply(stack: readonly OpenTag[], token: string): readonly OpenTag[] {
  const tag = tagOf(token);
  if (!tag) return stack;
  if (tag.kind === 'open') return [...stack, { name: tag.name, open: token }];
  const i = stack.map((t) => t.name).lastIndexOf(tag.name);
  return i < 0 ? stack : stack.slice(0, i);
}

/** True when the HTML shows at least one non-blank character. */
function hasVisibleText(html: string): boolean {
  return /\S/.test(html.replace(/<[^>]*>/g, ''));
}

/** Index at which to cut `text` so that the head is at most `max` units: a space if one is near, never mid-pair. */
function cutIndex(text: string, max: number): number {
  let cut = Math.min(max, text.length);
  const space = text.lastIndexOf(' ', cut - 1);
  if (space > max / 2) return space + 1;
  const code = text.charCodeAt(cut - 1);
  if (cut > 1 && code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}

export function splitHtml(html: string, limit: number = TELEGRAM_TEXT_LIMIT): string[] {
  // Almost every message fits as it is (the renderers write balanced markup): no need to tokenize it.
  if (html.length <= limit) return hasVisibleText(html) ? [html] : [];
  const out: string[] = [];
  const pending: string[] = html.match(TOKEN) ?? [];
  pending.reverse(); // used as a stack: pop() takes the next token
  let stack: readonly OpenTag[] = [];
  let cur = '';
  // The latest line break in `cur`: where to cut, and which tags were open there.
  let lineBreak: { pos: number; stack: readonly OpenTag[] } | undefined;

  const emit = (body: string, open: readonly OpenTag[]): void => {
    const message = body + closers(open);
    if (hasVisibleText(message)) out.push(message);
  };

  while (pending.length > 0) {
    const token = pending.pop() ?? '';
    const next = apply(stack, token);
    if (cur.length + token.length + closersLength(next) <= limit) {
      cur += token;
      stack = next;
      if (token === '\n') lineBreak = { pos: cur.length, stack };
      continue;
    }
    const start = openers(stack).length;
    if (lineBreak && lineBreak.pos >= limit / 2) {
      // Cut after the last line break and carry the rest over.
      emit(cur.slice(0, lineBreak.pos), lineBreak.stack);
      cur = openers(lineBreak.stack) + cur.slice(lineBreak.pos);
      lineBreak = undefined;
      pending.push(token);
      continue;
    }
    const room = limit - cur.length - closersLength(stack);
    const isText = tagOf(token) === undefined && !token.startsWith('&') && token !== '\n';
    if (isText && room > 0) {
      // A long run of text: fill this message and carry the remainder over.
      const cut = cutIndex(token, room);
      cur += token.slice(0, cut);
      pending.push(token.slice(cut));
    } else if (cur.length <= start) {
      throw new RangeError(`an HTML token of ${token.length} characters cannot fit a message of ${limit}`);
    } else {
      pending.push(token);
    }
    emit(cur, stack);
    cur = openers(stack);
    lineBreak = undefined;
  }
  emit(cur, stack);
  return out;
}
