/** Numbers, vectors and matrices in monospace (HTML <code> / <pre>), using the core's plain-text formatting. */
import { formatExpected } from '../../../core/answers/index.js';
import { DEFAULT_DP, formatValue, formatValueInline, isBlockValue } from '../../../core/format.js';
import type { Expected, Value } from '../../../core/types.js';
import { escapeHtml } from './escape.js';

/** `name = value`: inline values in <code>, matrices as an aligned <pre> block under the name. */
export function namedValueHtml(name: string, value: Value, dp: number = DEFAULT_DP): string {
  if (isBlockValue(value)) return `${escapeHtml(name)} =\n<pre>${escapeHtml(formatValue(value, dp))}</pre>`;
  return `${escapeHtml(name)} = <code>${escapeHtml(formatValueInline(value, dp))}</code>`;
}

/** An expected answer as every platform shows it (the core's one formatter), matrices as aligned rows. */
export function expectedText(e: Expected): string {
  return formatExpected(e, { block: true });
}

export function expectedHtml(e: Expected): string {
  const text = escapeHtml(expectedText(e));
  return e.kind === 'matrix' ? `\n<pre>${text}</pre>` : `<code>${text}</code>`;
}

/** Monospace for a formula or substitution: <code> on one line, <pre> when it spans lines. */
export function monoHtml(text: string): string {
  return text.includes('\n') ? `<pre>${escapeHtml(text)}</pre>` : `<code>${escapeHtml(text)}</code>`;
}
