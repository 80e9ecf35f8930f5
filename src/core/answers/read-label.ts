/**
 * Reads a part label at a position of an answer: "(a)", "a)", "a.", "a:", "a =", "A)", "part b:", "h1)".
 * Hand-written scanning, so the cost is the label's own length plus the spaces right after it: labels can be
 * tried at every word of a message and the whole split stays linear in the message.
 */

export interface Label {
  /** The label's word as typed: "a", "B", "h1". */
  readonly word: string;
  /** Index just past the label and the spaces after it. */
  readonly end: number;
}

const MAX_WORD = 8;

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

function isWordChar(c: string | undefined): boolean {
  return (
    c !== undefined &&
    (isLetter(c) || (c >= '0' && c <= '9') || c === '_' || c === "'" || (c >= '\u2080' && c <= '\u2089'))
  );
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (text[i] === ' ') i++;
  return i;
}

function readWord(text: string, at: number): number {
  if (!isLetter(text[at])) return at;
  let i = at + 1;
  while (i - at < MAX_WORD && isWordChar(text[i])) i++;
  return isWordChar(text[i]) ? at : i;
}

export function readLabelAt(text: string, at: number): Label | undefined {
  let i = at;
  let prefixed = false;
  if (text.slice(i, i + 4).toLowerCase() === 'part' && (text[i + 4] === ' ' || text[i + 4] === '(')) {
    i = skipSpaces(text, i + 4);
    prefixed = true;
  }
  if (text[i] === '(') {
    const start = skipSpaces(text, i + 1);
    const end = readWord(text, start);
    if (end === start) return undefined;
    const close = skipSpaces(text, end);
    if (text[close] !== ')') return undefined;
    let after = skipSpaces(text, close + 1);
    if (text[after] === ':' || text[after] === '=') after = skipSpaces(text, after + 1);
    return { word: text.slice(start, end), end: after };
  }
  const end = readWord(text, i);
  if (end === i) return undefined;
  const word = text.slice(i, end);
  const d = skipSpaces(text, end);
  const c = text[d];
  if (c === ')' || c === ':' || c === '=') {
    let after = skipSpaces(text, d + 1);
    if (c === ')' && (text[after] === ':' || text[after] === '=')) after = skipSpaces(text, after + 1);
    return { word, end: after };
  }
  // "a. 0.5": a full stop after a one-letter label, followed by a space or the end.
  if (c === '.' && d === end && word.length === 1) {
    const next = text[d + 1];
    if (next === undefined || next === ' ' || next === '\n') return { word, end: skipSpaces(text, d + 1) };
  }
  if (prefixed && d > end) return { word, end: d };
  return undefined;
}

export function readLeadingLabel(text: string): Label | undefined {
  return readLabelAt(text, 0);
}
