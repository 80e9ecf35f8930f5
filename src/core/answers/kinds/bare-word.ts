/** The one word of a true/false or option answer, found by index arithmetic (linear: no backtracking). */
import { normalizeAnswer } from '../normalize.js';
import { unwrapBrackets } from '../parse-number.js';

/** Lower-cased single word without surrounding brackets, trailing ")", "." or "!": "(b)", "b)", "B.", "[b]". */
export function bareWord(text: string): string {
  let t = normalizeAnswer(text).toLowerCase();
  let end = t.length;
  while (end > 0 && (t[end - 1] === '.' || t[end - 1] === '!')) end--;
  t = t.slice(0, end).trim();
  const unwrapped = unwrapBrackets(t);
  if (unwrapped !== t) return unwrapped;
  return t.endsWith(')') ? t.slice(0, -1).trim() : t;
}
