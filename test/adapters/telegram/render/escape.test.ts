import { describe, expect, it } from 'vitest';
import {
  cleanName,
  escapeHtml,
  nameHtml,
  truncate,
  typedHtml,
} from '../../../../src/adapters/telegram/render/escape.js';
import { parseTelegramHtml } from '../support/telegram-html.js';

describe('escapeHtml', () => {
  it('escapes every character Telegram HTML treats specially', () => {
    expect(escapeHtml(`<b>"Tom" & Jerry</b>`)).toBe('&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;');
  });

  it('round-trips through the Telegram HTML parser unchanged', () => {
    const nasty = `</pre><a href="x">&amp;&lt;<tg-spoiler>`;
    const parsed = parseTelegramHtml(`<b>${escapeHtml(nasty)}</b>`);
    expect(parsed).toEqual({ ok: true, text: nasty });
  });
});

describe('cleanName', () => {
  it('drops control and direction-override characters and folds whitespace', () => {
    expect(cleanName('Al\u202Eice\n\tBob\u0000')).toBe('Alice Bob');
  });

  it('gives a placeholder for a name that is empty after cleaning', () => {
    expect(cleanName('\u200B\u200F  ')).toBe('someone');
  });

  it('truncates long names without splitting an emoji', () => {
    const name = `${'a'.repeat(46)}😀😀`;
    const cut = cleanName(name, 48);
    expect(cut.length).toBeLessThanOrEqual(48);
    expect(cut.endsWith('…')).toBe(true);
    // No lone surrogate left behind.
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });

  it('nameHtml escapes after cleaning', () => {
    expect(nameHtml('<script>')).toBe('&lt;script&gt;');
  });
});

describe('truncate and typedHtml', () => {
  it('keeps short text and cuts long text to the limit', () => {
    expect(truncate('abc', 5)).toBe('abc');
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
  });

  it('echoes typed answers on one line, escaped, inside <code>', () => {
    expect(typedHtml('[[1, 2],\n [3, <4>]]')).toBe('<code>[[1, 2], [3, &lt;4&gt;]]</code>');
    expect(typedHtml('x'.repeat(500)).length).toBeLessThan(140);
  });
});
