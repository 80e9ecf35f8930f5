import { describe, expect, it } from 'vitest';
import {
  codeBlock,
  defuseMentions,
  escapeText,
  escapeUserText,
  inlineCode,
  truncate,
} from '../../../src/adapters/discord/markdown.js';

const ZWSP = '\u200b';

describe('escapeUserText', () => {
  it('escapes every markdown construct a name or answer could use', () => {
    const out = escapeUserText('**bold** _it_ `code` ~~gone~~ ||spoiler|| [link](http://x.y)');
    expect(out).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ \\|\\|spoiler\\|\\| \\[link](http://x.y)',
    );
  });

  it('escapes headings, lists and quotes at the start', () => {
    expect(escapeUserText('# Big')).toBe('\\# Big');
    expect(escapeUserText('### Small')).toBe('\\### Small');
    expect(escapeUserText('-# subtext')).toBe('\\-# subtext');
    expect(escapeUserText('- item')).toBe('\\- item');
    expect(escapeUserText('+ item')).toBe('\\+ item');
    expect(escapeUserText('* item')).toBe('\\* item');
    expect(escapeUserText('12. item')).toBe('12\\. item');
    expect(escapeUserText('> quote')).toBe('\\> quote');
    expect(escapeUserText('>>> quote')).toBe('\\>>> quote');
  });

  it('escapes markup at the start of every line of our own multi-line texts, and only markup', () => {
    expect(escapeText('Title\n# not a heading\n  - not a list\n1. not a list')).toBe(
      'Title\n\\# not a heading\n  \\- not a list\n1\\. not a list',
    );
    // Numbers, signs, fractions, brackets and hyphens inside text are left as they are.
    const plain = 'u = Wᵀx + b: 0.81, -4.7, 3/4, (2, 1, 3), 1e-3, depthwise-separable #2 > 1';
    expect(escapeText(plain)).toBe(plain);
    // A backslash the student typed stays visible instead of escaping what follows.
    expect(escapeText('a\\*b')).toBe('a\\\\\\*b');
  });

  it('defuses @everyone, @here and user mentions', () => {
    expect(escapeUserText('@everyone hi @here <@123456789012345678>')).toBe(
      `@${ZWSP}everyone hi @${ZWSP}here <@${ZWSP}123456789012345678>`,
    );
    expect(defuseMentions('a@b')).toBe(`a@${ZWSP}b`);
  });

  it('keeps user text on one line and caps its length', () => {
    expect(escapeUserText('line one\nline two')).toBe('line one line two');
    const long = escapeUserText('x'.repeat(5000), 64);
    expect(long).toBe(`${'x'.repeat(63)}…`);
  });
});

describe('code formatting', () => {
  it('inline code cannot be closed early by a backtick', () => {
    const s = inlineCode('a`b');
    expect(s.startsWith('`') && s.endsWith('`')).toBe(true);
    expect(s.slice(1, -1)).not.toContain('`');
  });

  it('a code block cannot be closed early by a fence', () => {
    const s = codeBlock('x\n```\ny');
    expect(s.match(/```/g)).toHaveLength(2);
  });

  it('truncate keeps code fences balanced and respects the limit', () => {
    const text = `intro\n${codeBlock(Array.from({ length: 300 }, (_, i) => `row ${i}`).join('\n'))}`;
    const cut = truncate(text, 500);
    expect(cut.length).toBeLessThanOrEqual(500);
    expect((cut.match(/```/g) ?? []).length % 2).toBe(0);
    expect(truncate('short', 500)).toBe('short');
  });
});
