import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../src/adapters/telegram/render/escape.js';
import { splitHtml, TELEGRAM_TEXT_LIMIT } from '../../../../src/adapters/telegram/render/split.js';
import { parseTelegramHtml } from '../support/telegram-html.js';

function plain(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(`${parsed.description} in ${html.slice(0, 200)}`);
  return parsed.text;
}

/** Every piece is valid Telegram HTML, within the limit, and together they show exactly the original text. */
function expectFaithfulSplit(html: string, limit: number): string[] {
  const pieces = splitHtml(html, limit);
  for (const p of pieces) {
    expect(p.length).toBeLessThanOrEqual(limit);
    expect(/\S/.test(plain(p))).toBe(true);
  }
  expect(pieces.map(plain).join('').replace(/\s+/g, ' ').trim()).toBe(
    plain(html).replace(/\s+/g, ' ').trim(),
  );
  return pieces;
}

describe('splitHtml', () => {
  it('leaves a short message alone', () => {
    expect(splitHtml('<b>hi</b> there')).toEqual(['<b>hi</b> there']);
  });

  it('cuts at line breaks and keeps each piece under the limit', () => {
    const html = Array.from({ length: 400 }, (_, i) => `<b>Step ${i}</b> value <code>${i * 3}</code>`).join(
      '\n',
    );
    const pieces = expectFaithfulSplit(html, TELEGRAM_TEXT_LIMIT);
    expect(pieces.length).toBeGreaterThan(1);
    // Cut at line boundaries: every piece but the last ends with a line break and no line is broken.
    for (const p of pieces.slice(0, -1)) expect(p.endsWith('\n')).toBe(true);
  });

  it('closes and reopens a <pre> block cut in the middle, attributes included', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `[ ${i}  ${i + 1}  ${i + 2} ]`).join('\n');
    const html = `<b>Matrix</b>\n<pre><code class="language-text">${rows}</code></pre>\ndone`;
    const pieces = expectFaithfulSplit(html, 1000);
    expect(pieces.length).toBeGreaterThan(4);
    for (const p of pieces.slice(1, -1)) {
      expect(p.startsWith('<pre><code class="language-text">')).toBe(true);
      expect(p.endsWith('</code></pre>')).toBe(true);
    }
  });

  it('splits one enormous line of text, preferring spaces', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    const pieces = expectFaithfulSplit(`<i>${words}</i>`, TELEGRAM_TEXT_LIMIT);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.startsWith('<i>') && p.endsWith('</i>')).toBe(true);
  });

  it('never splits an entity or a surrogate pair', () => {
    const html = `${escapeHtml('<&>'.repeat(700))}${'😀'.repeat(700)}`;
    const pieces = expectFaithfulSplit(html, 500);
    for (const p of pieces) {
      expect(/[\uD800-\uDBFF]$/.test(p)).toBe(false);
      expect(/&[a-z]*$/.test(p)).toBe(false);
    }
  });

  it('property: random nested markup splits into valid pieces that keep all the text', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', '\n', '<', '&', '>', 'é', '😀'),
      maxLength: 300,
    });
    const block = fc
      .tuple(fc.constantFrom('b', 'i', 'code', 'pre', ''), text)
      .map(([tag, t]) => (tag === '' ? escapeHtml(t) : `<${tag}>${escapeHtml(t)}</${tag}>`));
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 60, max: 800 }),
        (blocks, limit) => {
          const html = `<b>head</b>\n${blocks.join('\n')}`;
          const pieces = splitHtml(html, limit);
          for (const p of pieces) {
            if (p.length > limit) return false;
            if (!parseTelegramHtml(p).ok) return false;
          }
          return pieces.map(plain).join('').replace(/\s+/g, '') === plain(html).replace(/\s+/g, '');
        },
      ),
      { numRuns: 300 },
    );
  });
});
