/** Values in Discord markdown: numbers and vectors inline, matrices in code blocks. */
import { formatExpected } from '../../../core/answers/index.js';
import { DEFAULT_DP, formatValue, formatValueInline, isBlockValue } from '../../../core/format.js';
import type { Expected, Value } from '../../../core/types.js';
import { codeBlock, escapeText, inlineCode } from '../markdown.js';

/** `**name** = \`value\``, or the name followed by a code block for a matrix. */
export function namedValue(name: string, value: Value, dp: number = DEFAULT_DP): string {
  const label = `**${escapeText(name)}**`;
  return isBlockValue(value)
    ? `${label} =\n${codeBlock(formatValue(value, dp))}`
    : `${label} = ${inlineCode(formatValueInline(value, dp))}`;
}

/** A part's exact answer as every platform shows it (the core's one formatter), matrices as aligned rows. */
export function expectedText(expected: Expected): string {
  return formatExpected(expected, { block: true });
}

/** Monospace: a code block when the text spans lines, inline code otherwise. */
export function mono(text: string): string {
  return text.includes('\n') ? codeBlock(text) : inlineCode(text);
}
