/**
 * Which text answers which part, for chat messages. Students answer multi-part questions in one message or one
 * part at a time; the rules, in order:
 *
 * 1. Refusals: text longer than MAX_ANSWER_LENGTH (after trimming) is 'too-long'; text with nothing in it (after
 *    removing code fences and a leading "answer:") is 'empty'.
 * 2. Labelled segments. A label is an open part's id or label, case-insensitive, written as `(a)`, `a)`, `a:`,
 *    `a =` or `part a:`, at the start of the text or after a space, newline, `;` or `,`, and outside brackets; an
 *    id of two characters or more may also start a line followed by a space (`dW2 [[0.1, 0.2]]`). Each label's text
 *    runs to the next label; separators around it (`;` `,` "and") are dropped, so `(a) 45; (b) 220` gives "45" and
 *    "220" while `a) 1 2; 3 4` keeps the matrix rows. A label followed by nothing is not a label: `(b)` alone, or
 *    `a) (b)` (option b for part a), stay answer text. Text before the first label answers the first open part
 *    that has no label in the message. If a part is labelled twice, the last one counts (a correction).
 * 3. A label-like word that is not an open part (`c) 12` when only a and b are open, `x = 3`) gives
 *    'unknown-part' with the words in `partIds`, so the student is told which parts are open. Words of 1-4
 *    characters are label-like; an option letter of an open multiple-choice part (`B) ...`) and T/F for an open
 *    true/false part are not.
 * 4. Unlabelled text with several open parts: one line per open part maps the lines in order. When the parts carry
 *    their `expected` value (pass AnswerPart objects), a split must also read as the right kind and size for every
 *    part, and two more splits are tried: `;`-separated pieces (outside brackets), then, when every open part is a
 *    single number, T/F, option or ratio, pieces separated by spaces, commas or `;` (`T F T`, `45, 220`).
 * 5. Otherwise the whole text answers the first open part.
 *
 * Answers come back in the order of `openParts`.
 */
import type { Expected } from '../types.js';
import { MAX_ANSWER_LENGTH } from './limits.js';
import { normalizeAnswer } from './normalize.js';
import { dimsOf, parseBoolean, parseValue } from './parse-value.js';

export interface OpenPart {
  readonly id: string;
  readonly label: string;
  /** Optional: lets unlabelled multi-part answers be split by what each part expects. */
  readonly expected?: Expected;
}

export interface PartAnswer {
  readonly partId: string;
  readonly text: string;
}

export type SplitResult =
  | { readonly ok: true; readonly answers: readonly PartAnswer[] }
  | {
      readonly ok: false;
      readonly code: 'empty' | 'too-long' | 'unknown-part';
      /** For 'unknown-part': the labels that are not open parts (empty when unlabelled text could not be placed). */
      readonly partIds?: readonly string[];
    };

interface Marker {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

const GENERIC_NAME = String.raw`[A-Za-z][A-Za-z0-9_']{0,3}`;
const BOUNDARY = /[\s;,]/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function splitAnswer(text: string, openParts: readonly OpenPart[]): SplitResult {
  const trimmed = text.trim();
  if (trimmed.length > MAX_ANSWER_LENGTH) return { ok: false, code: 'too-long' };
  const body = normalizeAnswer(trimmed)
    .replace(/^(?:answers?|ans)\s*[:=]\s*/i, '')
    .trim();
  if (body.length === 0) return { ok: false, code: 'empty' };
  const first = openParts[0];
  if (first === undefined) return { ok: false, code: 'unknown-part', partIds: [] };

  const markers = findMarkers(body, openParts);
  if (markers.length > 0) return labelled(body, markers, openParts);
  return unlabelled(body, openParts, first);
}

function namesOf(parts: readonly OpenPart[]): string[] {
  const names = new Set<string>();
  for (const p of parts) {
    if (p.id.trim()) names.add(p.id.trim());
    if (p.label.trim()) names.add(p.label.trim());
  }
  return [...names].sort((a, b) => b.length - a.length);
}

/** Words that look like labels but are answers: option letters and T/F of open parts. */
function isAnswerWord(name: string, parts: readonly OpenPart[]): boolean {
  const n = name.toLowerCase();
  return parts.some((p) => {
    const e = p.expected;
    if (e?.kind === 'choice') return e.options.some((o) => o.trim().toLowerCase() === n);
    if (e?.kind === 'boolean') return parseBoolean(n).ok;
    return false;
  });
}

interface Matchers {
  readonly names: readonly string[];
  readonly labelRe: RegExp;
  readonly lineRe: RegExp | undefined;
  /** First characters (lower-cased) of the known names. */
  readonly starts: ReadonlySet<string>;
}

const matcherCache = new Map<string, Matchers>();

/** The label regular expressions for a set of open parts (cached: a question's parts rarely change). */
function matchersFor(parts: readonly OpenPart[]): Matchers {
  const key = parts.map((p) => `${p.id}\u0000${p.label}`).join('\u0001');
  const cached = matcherCache.get(key);
  if (cached) return cached;
  const names = namesOf(parts);
  const known = names.map(escapeRe).join('|');
  const name = known ? `(?:${known}|${GENERIC_NAME})` : GENERIC_NAME;
  const labelRe = new RegExp(
    String.raw`(?:part\s*)?(?:\(\s*(${name})\s*\)\s*[:=]?|(${name})\s*\)\s*[:=]?|(${name})\s*[:=])\s*`,
    'iy',
  );
  const longIds = parts.map((p) => p.id.trim()).filter((id) => id.length >= 2);
  const lineRe =
    longIds.length > 0
      ? new RegExp(String.raw`(${longIds.map(escapeRe).join('|')})[ ]+(?=\S)`, 'iy')
      : undefined;
  const starts = new Set(names.map((n) => n[0]?.toLowerCase() ?? ''));
  const matchers = { names, labelRe, lineRe, starts };
  if (matcherCache.size > 200) matcherCache.clear();
  matcherCache.set(key, matchers);
  return matchers;
}

function findMarkers(body: string, parts: readonly OpenPart[]): Marker[] {
  const { names, labelRe, lineRe, starts } = matchersFor(parts);
  const found: Marker[] = [];
  let depth = 0;
  for (let i = 0; i < body.length;) {
    const c = body[i] ?? '';
    const atBoundary = i === 0 || BOUNDARY.test(body[i - 1] ?? '');
    if (depth === 0 && atBoundary && (/[A-Za-z(]/.test(c) || starts.has(c.toLowerCase()))) {
      labelRe.lastIndex = i;
      const m = labelRe.exec(body);
      const word = m ? (m[1] ?? m[2] ?? m[3] ?? '') : '';
      if (m && !(isAnswerWord(word, parts) && !isKnownName(word, names))) {
        found.push({ start: i, end: labelRe.lastIndex, name: word });
        i = labelRe.lastIndex;
        continue;
      }
      if (lineRe && (i === 0 || body[i - 1] === '\n')) {
        lineRe.lastIndex = i;
        const l = lineRe.exec(body);
        if (l) {
          found.push({ start: i, end: lineRe.lastIndex, name: l[1] ?? '' });
          i = lineRe.lastIndex;
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

function isKnownName(word: string, names: readonly string[]): boolean {
  return names.some((n) => n.toLowerCase() === word.toLowerCase());
}

function cleanSegment(s: string): string {
  return s
    .trim()
    .replace(/^[;,\s]+/, '')
    .replace(/(?:[;,\s]|\band\b|&)+$/i, '')
    .trim();
}

function resolve(name: string, parts: readonly OpenPart[]): string | undefined {
  const lower = name.toLowerCase();
  return (
    parts.find((p) => p.id === name)?.id ??
    parts.find((p) => p.label.trim() === name)?.id ??
    parts.find((p) => p.id.toLowerCase() === lower)?.id ??
    parts.find((p) => p.label.trim().toLowerCase() === lower)?.id
  );
}

function labelled(body: string, markers: readonly Marker[], parts: readonly OpenPart[]): SplitResult {
  const texts = new Map<string, string>();
  const unknown: string[] = [];
  markers.forEach((m, k) => {
    const end = markers[k + 1]?.start ?? body.length;
    const id = resolve(m.name, parts);
    if (id === undefined) {
      if (!unknown.includes(m.name)) unknown.push(m.name);
    } else {
      texts.set(id, cleanSegment(body.slice(m.end, end)));
    }
  });
  if (unknown.length > 0) return { ok: false, code: 'unknown-part', partIds: unknown };
  const prefix = cleanSegment(body.slice(0, markers[0]?.start ?? 0));
  if (prefix.length > 0) {
    const free = parts.find((p) => !texts.has(p.id));
    if (free === undefined) return { ok: false, code: 'unknown-part', partIds: [] };
    texts.set(free.id, prefix);
  }
  return {
    ok: true,
    answers: parts.flatMap((p) => {
      const t = texts.get(p.id);
      return t === undefined ? [] : [{ partId: p.id, text: t }];
    }),
  };
}

/** `;`-separated pieces outside brackets. */
function splitSemicolons(body: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      pieces.push(body.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(body.slice(from));
  return pieces.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Does `text` read as the right kind and size of answer for `expected`? */
function fits(text: string, expected: Expected): boolean {
  const r = parseValue(text, expected);
  if (!r.ok) return false;
  const v = r.value;
  if (expected.kind === 'vector' && v.kind === 'vector') return v.cells.length === expected.value.length;
  if (expected.kind === 'matrix' && v.kind === 'matrix') {
    const [m, n] = dimsOf(expected.value);
    const [r2, c2] = dimsOf(v.rows);
    return (r2 === m && c2 === n) || (r2 === n && c2 === m);
  }
  return true;
}

const SCALAR_KINDS = new Set<Expected['kind']>(['number', 'boolean', 'choice', 'ratio']);

function unlabelled(body: string, parts: readonly OpenPart[], first: OpenPart): SplitResult {
  const n = parts.length;
  const inOrder = (pieces: readonly string[]): SplitResult => ({
    ok: true,
    answers: parts.map((p, k) => ({ partId: p.id, text: pieces[k] ?? '' })),
  });
  if (n >= 2) {
    const lines = body
      .split('\n')
      .map((l) => cleanSegment(l))
      .filter((l) => l.length > 0);
    const expectations = parts.map((p) => p.expected);
    const typedParts = expectations.every((e) => e !== undefined);
    const allFit = (pieces: readonly string[]): boolean =>
      pieces.length === n &&
      parts.every((p, k) => p.expected !== undefined && fits(pieces[k] ?? '', p.expected));
    if (lines.length === n && (!typedParts || allFit(lines))) return inOrder(lines);
    if (typedParts) {
      const semis = splitSemicolons(body);
      if (allFit(semis)) return inOrder(semis);
      if (parts.every((p) => p.expected !== undefined && SCALAR_KINDS.has(p.expected.kind))) {
        const words = body.split(/[\s,;]+/).filter((w) => w.length > 0);
        if (allFit(words)) return inOrder(words);
      }
    }
  }
  return { ok: true, answers: [{ partId: first.id, text: body }] };
}
