/**
 * Which text answers which part, for chat messages. Students answer multi-part questions in one message or one
 * part at a time. Parts are labelled by letter (a, b, c... by position); the rules, in order:
 *
 * 1. Refusals: text longer than MAX_ANSWER_LENGTH (after trimming) is 'too-long'; text with nothing in it (after
 *    removing code fences and a leading "answer:") is 'empty'.
 * 2. Labelled segments. A label is a part's letter, written `a)`, `(a)`, `a.`, `a:`, `a =`, `A)` or `part a:`, at
 *    the start of the text or after a space, newline, `;` or `,`, and outside brackets. A part whose name is one
 *    short word (h₁, y, dW2) may also be labelled by that name (`h1) ...`). Each label's text runs to the next label;
 *    separators around it (`;` `,` "and") are dropped. A label followed by nothing is not a label: `(b)` alone, or
 *    `a) (b)` (option b for part a), stay answer text. Labels name any part, solved or open: the caller reports a
 *    solved part as solved, it is never shifted onto another part. Text before the first label answers the first
 *    open part that has no label in the message. If a part is labelled twice, the last one counts (a correction).
 * 3. A single letter past the last part (`e) 12` when the question has four parts) gives 'unknown-part' with the
 *    letters in `labels`, so the student is told which parts there are. An option letter of a multiple-choice part
 *    and T/F of a true/false part are answers, not labels.
 * 4. Unlabelled text goes to the open parts in order only when that is unambiguous: one line per open part, or
 *    `;`-separated pieces, or (when every open part is a single number, T/F, option or ratio) pieces separated by
 *    spaces, commas or `;` (`T F T`, `45, 220`), each reading as the right kind and size for its part. Text that
 *    reads as an answer to the first open part alone goes there. When both readings are possible, or neither and the
 *    text has several lines, the result is 'needs-labels'.
 *
 * Every step scans the text once: no regular expression that can backtrack.
 */
import type { Expected } from '../types.js';
import { readBoolean } from './kinds/index.js';
import { MAX_ANSWER_LENGTH } from './limits.js';
import { normalizeAnswer } from './normalize.js';
import { partLetter } from './part-letter.js';
import { fitsExpected } from './parse-value.js';
import { readLabelAt } from './read-label.js';

/** A part as the splitter sees it, in question order. */
export interface SplitPart {
  readonly id: string;
  readonly name: string;
  /** Optional: lets unlabelled multi-part answers be split by what each part expects. */
  readonly expected?: Expected;
}

/** The text a student gave for one part. */
export interface PartText {
  readonly partId: string;
  readonly text: string;
}

export type SplitResult =
  | { readonly ok: true; readonly answers: readonly PartText[] }
  | {
      readonly ok: false;
      readonly code: 'empty' | 'too-long' | 'unknown-part' | 'needs-labels';
      /** For 'unknown-part': the labels that name no part. */
      readonly labels?: readonly string[];
    };

interface Marker {
  readonly start: number;
  readonly end: number;
  /** The part it names, or undefined for a letter past the last part. */
  readonly partId: string | undefined;
  readonly word: string;
}

/**
 * @param parts every part of the question, in order (letters come from positions)
 * @param open the ids of the parts this student can still answer (default: all)
 */
export function splitAnswer(
  text: string,
  parts: readonly SplitPart[],
  open?: ReadonlySet<string>,
): SplitResult {
  const trimmed = text.trim();
  if (trimmed.length > MAX_ANSWER_LENGTH) return { ok: false, code: 'too-long' };
  const body = stripAnswerWord(normalizeAnswer(trimmed));
  if (body.length === 0) return { ok: false, code: 'empty' };
  const openParts = parts.filter((p) => open === undefined || open.has(p.id));

  const markers = findMarkers(body, parts);
  if (markers.length > 0) return labelled(body, markers, openParts);
  if (openParts.length === 0) return { ok: true, answers: [] };
  return unlabelled(body, openParts);
}

/** A leading "answer:" / "ans =" (case-insensitive). */
function stripAnswerWord(body: string): string {
  const lower = body.slice(0, 7).toLowerCase();
  const word = lower.startsWith('answers')
    ? 7
    : lower.startsWith('answer')
      ? 6
      : lower.startsWith('ans')
        ? 3
        : 0;
  if (word === 0) return body;
  let i = word;
  while (body[i] === ' ') i++;
  if (body[i] !== ':' && body[i] !== '=') return body;
  return body.slice(i + 1).trim();
}

/** Short names students may use as labels: "h₁" -> "h1", "u₃" -> "u3"; multi-word names are not labels. */
function nameKey(name: string): string | undefined {
  const k = digitsOf(name.trim()).toLowerCase();
  return /^[a-z][a-z0-9]{0,5}$/.test(k) ? k : undefined;
}

function resolver(parts: readonly SplitPart[]): (word: string) => string | undefined {
  const byWord = new Map<string, string>();
  parts.forEach((p) => {
    const k = nameKey(p.name);
    if (k !== undefined && !byWord.has(k)) byWord.set(k, p.id);
  });
  // Letters win over names.
  parts.forEach((p, i) => byWord.set(partLetter(i), p.id));
  return (word) => byWord.get(digitsOf(word.toLowerCase()));
}

function digitsOf(s: string): string {
  return s.replace(/[\u2080-\u2089]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x2080 + 48));
}

/** Words that look like labels but are answers: option letters and T/F of the parts. */
function isAnswerWord(word: string, parts: readonly SplitPart[]): boolean {
  const w = word.toLowerCase();
  return parts.some((p) => {
    const e = p.expected;
    if (e?.kind === 'choice') return e.options.some((o) => o.trim().toLowerCase() === w);
    if (e?.kind === 'boolean') return readBoolean(w) !== undefined;
    return false;
  });
}

function isBoundary(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\n' || c === ';' || c === ',';
}

function findMarkers(body: string, parts: readonly SplitPart[]): Marker[] {
  const resolve = resolver(parts);
  const found: Marker[] = [];
  let depth = 0;
  for (let i = 0; i < body.length;) {
    const c = body[i] ?? '';
    if (depth === 0 && isBoundary(i === 0 ? undefined : body[i - 1])) {
      const label = readLabelAt(body, i);
      if (label !== undefined) {
        const partId = resolve(label.word);
        const stray = partId === undefined && label.word.length === 1 && !isAnswerWord(label.word, parts);
        if (partId !== undefined || stray) {
          found.push({ start: i, end: label.end, partId, word: label.word });
          i = label.end;
          continue;
        }
      }
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    i++;
  }
  // A label followed by no text is answer text ("(b)" alone, "a) (b)"): drop those, from the right.
  const kept: Marker[] = [];
  let next = body.length;
  for (let k = found.length - 1; k >= 0; k--) {
    const m = found[k];
    if (m === undefined) continue;
    if (cleanSegment(body.slice(m.end, next)).length === 0) continue;
    kept.unshift(m);
    next = m.start;
  }
  return kept;
}

function isSeparator(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === ';' || c === ',';
}

/** Trims spaces and the separators between answers (`;` `,` "and" `&`) from both ends, by scanning. */
function cleanSegment(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isSeparator(s[start])) start++;
  for (;;) {
    while (end > start && isSeparator(s[end - 1])) end--;
    if (end > start && s[end - 1] === '&') {
      end--;
      continue;
    }
    const tail = s.slice(Math.max(start, end - 4), end).toLowerCase();
    if (tail.length === 4 && tail.endsWith('and') && isSeparator(tail[0])) {
      end -= 3;
      continue;
    }
    break;
  }
  return s.slice(start, end);
}

function labelled(body: string, markers: readonly Marker[], openParts: readonly SplitPart[]): SplitResult {
  const texts = new Map<string, string>();
  const unknown: string[] = [];
  markers.forEach((m, k) => {
    const end = markers[k + 1]?.start ?? body.length;
    if (m.partId === undefined) {
      if (!unknown.includes(m.word)) unknown.push(m.word);
    } else {
      texts.set(m.partId, cleanSegment(body.slice(m.end, end)));
    }
  });
  if (unknown.length > 0) return { ok: false, code: 'unknown-part', labels: unknown };
  const prefix = cleanSegment(body.slice(0, markers[0]?.start ?? 0));
  if (prefix.length > 0) {
    const free = openParts.find((p) => !texts.has(p.id));
    if (free === undefined) return { ok: false, code: 'needs-labels' };
    texts.set(free.id, prefix);
  }
  return { ok: true, answers: [...texts].map(([partId, t]) => ({ partId, text: t })) };
}

/** Pieces separated by `sep` outside brackets. */
function splitOutside(body: string, sep: (c: string) => boolean): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && sep(c)) {
      pieces.push(body.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(body.slice(from));
  return pieces.map((p) => cleanSegment(p)).filter((p) => p.length > 0);
}

const SCALAR_KINDS = new Set<Expected['kind']>(['number', 'boolean', 'choice', 'ratio']);

function unlabelled(body: string, open: readonly SplitPart[]): SplitResult {
  const first = open[0];
  if (first === undefined) return { ok: true, answers: [] };
  const toFirst: SplitResult = { ok: true, answers: [{ partId: first.id, text: body }] };
  if (open.length === 1) return toFirst;
  const inOrder = (pieces: readonly string[]): SplitResult => ({
    ok: true,
    answers: open.map((p, k) => ({ partId: p.id, text: pieces[k] ?? '' })),
  });
  const lines = splitOutside(body, (c) => c === '\n');
  const typed = open.every((p) => p.expected !== undefined);
  if (!typed) {
    if (lines.length === open.length) return inOrder(lines);
    return lines.length > 1 ? { ok: false, code: 'needs-labels' } : toFirst;
  }
  const allFit = (pieces: readonly string[]): boolean =>
    pieces.length === open.length &&
    open.every((p, k) => p.expected !== undefined && fitsExpected(pieces[k] ?? '', p.expected));
  const candidates = [lines, splitOutside(body, (c) => c === ';')];
  const scalars = open.every((p) => p.expected !== undefined && SCALAR_KINDS.has(p.expected.kind));
  if (scalars) candidates.push(splitOutside(body, (c) => c === ' ' || c === ',' || c === ';' || c === '\n'));
  const split = candidates.find(allFit);
  const firstFits = first.expected !== undefined && fitsExpected(body, first.expected);
  // One value per open part reads more naturally than one grouped count ("45 220" as 45,220).
  if (split && firstFits && !scalars) return { ok: false, code: 'needs-labels' };
  if (split) return inOrder(split);
  if (firstFits) return toFirst;
  return lines.length > 1 ? { ok: false, code: 'needs-labels' } : toFirst;
}
