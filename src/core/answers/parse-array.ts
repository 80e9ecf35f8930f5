/**
 * Vectors and matrices as typed in a chat, read into nested lists of TypedNumber by a small tokenizer (no eval).
 *
 * Grammar, informally: a list is items separated by commas and/or spaces; inside one bracket level (or at top
 * level) `;` and newlines separate rows. An item is a number (any form of parse-number.ts) or a bracketed list
 * with (), [] or {}. A newline right after a comma continues the row (a long row wrapped by the student).
 * Wrappers such as np.array(...), torch.tensor(...), tensor(...) are removed.
 *
 *   1.3 -4.7 3.6        [1.3, -4.7, 3.6]      (1.3, -4.7, 3.6)       -> vector
 *   [[1, 2], [3, 4]]    [1 2; 3 4]            1, 2; 3, 4     "1 2\n3 4"   [1, 2]\n[3, 4]   -> 2x2 matrix
 *   [[1.3], [-4.7]]     1.3; -4.7                                       -> 2x1 matrix (a column)
 */
import { readNumber, type TypedNumber } from './parse-number.js';
import type { SyntaxCode } from './types.js';

export type Nested = TypedNumber | readonly Nested[];

export type ArrayParse =
  | { readonly ok: true; readonly items: readonly Nested[] }
  | { readonly ok: false; readonly code: SyntaxCode | 'unreadable' };

const CLOSERS: Readonly<Record<string, string>> = { '[': ']', '(': ')', '{': '}' };
const MAX_DEPTH = 16;
const WRAPPER_RE =
  /^(?:(?:np|numpy|torch|tf|jnp)\s*\.\s*)?(?:array|asarray|tensor|Tensor|matrix|mat|Matrix|Size|TensorShape)\s*\(([\s\S]*)\)$/;

export function isNumberNode(n: Nested): n is TypedNumber {
  return !Array.isArray(n);
}

class Reader {
  pos = 0;
  constructor(private readonly src: string) {}

  /** Items of one level, up to `close` (or the end of text when null). */
  list(close: string | null, depth: number): ArrayParse {
    if (depth > MAX_DEPTH) return { ok: false, code: 'unreadable' };
    const rows: Nested[][] = [[]];
    let afterComma = false;
    let sawSemicolonOrNewline = false;
    const src = this.src;
    for (;;) {
      while (src[this.pos] === ' ') this.pos++;
      const c = src[this.pos];
      if (c === undefined) {
        if (close !== null) return { ok: false, code: 'unreadable' };
        break;
      }
      const row = rows[rows.length - 1] ?? [];
      if (c === close) {
        this.pos++;
        break;
      }
      if (c === ')' || c === ']' || c === '}') return { ok: false, code: 'unreadable' };
      if (c === '\n' || c === ';') {
        this.pos++;
        if (c === '\n' && afterComma) continue; // "1, 2,\n 3": a wrapped row
        sawSemicolonOrNewline = true;
        afterComma = false;
        if (row.length > 0) rows.push([]);
        continue;
      }
      if (c === ',') {
        // Two commas in a row, or a comma opening a list or row, leave an empty entry.
        if (afterComma || row.length === 0) return { ok: false, code: 'unreadable' };
        this.pos++;
        afterComma = true;
        continue;
      }
      afterComma = false;
      const closer = CLOSERS[c];
      if (closer !== undefined) {
        this.pos++;
        const inner = this.list(closer, depth + 1);
        if (!inner.ok) return inner;
        row.push(inner.items);
        continue;
      }
      const n = readNumber(src, this.pos);
      if (!n.ok) return n.code === 'division-by-zero' ? n : { ok: false, code: 'unreadable' };
      row.push(n.number);
      this.pos = n.end;
    }
    if (rows.length > 1 && (rows[rows.length - 1] ?? []).length === 0) rows.pop();
    if (!sawSemicolonOrNewline || rows.length === 1) return { ok: true, items: rows[0] ?? [] };
    // Several rows: a row holding just one bracketed list is that list ("[1, 2]\n[3, 4]").
    return {
      ok: true,
      items: rows.map((r) => (r.length === 1 && r[0] !== undefined && !isNumberNode(r[0]) ? r[0] : r)),
    };
  }
}

/** Strips np.array(...)-style wrappers (repeatedly: torch.tensor(np.array(...)) is silly but harmless). */
export function stripWrappers(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 3; i++) {
    const m = WRAPPER_RE.exec(t);
    if (!m) break;
    // Drop trailing keyword arguments: np.array([[1, 2]], dtype=float)
    t = (m[1] ?? '').replace(/,\s*[A-Za-z_]+\s*=\s*[\w.]+\s*$/, '').trim();
  }
  return t;
}

/**
 * Reads nested lists. A top level holding exactly one bracketed list is that list ("[1, 2]" is the vector, not a
 * list containing it); "[[1, 2]]" therefore stays a 1x2 matrix.
 */
export function parseNested(text: string): ArrayParse {
  const src = stripWrappers(text);
  const reader = new Reader(src);
  const top = reader.list(null, 0);
  if (!top.ok) return top;
  const only = top.items.length === 1 ? top.items[0] : undefined;
  if (only !== undefined && !isNumberNode(only)) return { ok: true, items: only };
  return top;
}

export type Grid = readonly (readonly TypedNumber[])[];

/** A flat list of numbers, or undefined. */
export function asFlat(items: readonly Nested[]): readonly TypedNumber[] | undefined {
  return items.every(isNumberNode) ? items : undefined;
}

/** Rows of numbers (possibly ragged), or undefined when not a 2-level list. */
export function asRows(items: readonly Nested[]): readonly (readonly TypedNumber[])[] | undefined {
  if (items.length === 0) return undefined;
  const rows: (readonly TypedNumber[])[] = [];
  for (const item of items) {
    if (isNumberNode(item)) return undefined;
    const flat = asFlat(item);
    if (!flat) return undefined;
    rows.push(flat);
  }
  return rows;
}
