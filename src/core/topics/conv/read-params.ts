/**
 * Small readers for hand-typed topic parameters (CLI `solve --params '<json>'`). Each throws a TopicParamsError
 * whose message names the offending field by its path, e.g. "layers[1].kernel must be an integer from 1 to 11".
 */
import { TopicParamsError } from '../../types.js';

export type Obj = Readonly<Record<string, unknown>>;

export function fail(message: string): never {
  throw new TopicParamsError(message);
}

function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** A plain object with only the allowed keys (typos are reported rather than silently ignored). */
export function readObject(input: unknown, path: string, allowed: readonly string[]): Obj {
  const where = path === '' ? 'the parameters' : path;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail(`${where} must be an object, got ${show(input)}`);
  }
  const obj = input as Obj;
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(`unknown field ${at(path, key)} (expected ${allowed.join(', ')})`);
  }
  return obj;
}

export function readInt(o: Obj, key: string, path: string, min: number, max: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    fail(`${at(path, key)} must be an integer from ${min} to ${max}, got ${show(v)}`);
  }
  return v;
}

export function readOptionalInt(
  o: Obj,
  key: string,
  path: string,
  min: number,
  max: number,
): number | undefined {
  return o[key] === undefined ? undefined : readInt(o, key, path, min, max);
}

export function readNumber(o: Obj, key: string, path: string, maxAbs: number): number {
  return checkNumber(o[key], at(path, key), maxAbs);
}

function checkNumber(v: unknown, where: string, maxAbs: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > maxAbs) {
    fail(`${where} must be a number between ${-maxAbs} and ${maxAbs}, got ${show(v)}`);
  }
  return v;
}

export function readBoolean(o: Obj, key: string, path: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') fail(`${at(path, key)} must be true or false, got ${show(v)}`);
  return v;
}

export function readEnum<T extends string>(o: Obj, key: string, path: string, values: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    fail(`${at(path, key)} must be one of ${values.map((x) => `'${x}'`).join(', ')}, got ${show(v)}`);
  }
  return v as T;
}

export function readArray(
  o: Obj,
  key: string,
  path: string,
  minLength: number,
  maxLength: number,
): unknown[] {
  const v = o[key];
  if (!Array.isArray(v) || v.length < minLength || v.length > maxLength) {
    fail(`${at(path, key)} must be a list of ${minLength} to ${maxLength} items, got ${show(v)}`);
  }
  return v as unknown[];
}

export function readIntList(
  o: Obj,
  key: string,
  path: string,
  length: { min: number; max: number },
  range: { min: number; max: number },
): number[] {
  const where = at(path, key);
  return readArray(o, key, path, length.min, length.max).map((v, i) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < range.min || v > range.max) {
      fail(`${where}[${i}] must be an integer from ${range.min} to ${range.max}, got ${show(v)}`);
    }
    return v;
  });
}

export function readVector(o: Obj, key: string, path: string, length: number, maxAbs: number): number[] {
  return checkVector(o[key], at(path, key), length, maxAbs);
}

/** A list of `length` numbers found at `where` (e.g. an element of a list). */
export function checkVector(v: unknown, where: string, length: number, maxAbs: number): number[] {
  if (!Array.isArray(v) || v.length !== length)
    fail(`${where} must be a list of ${length} numbers, got ${show(v)}`);
  return (v as unknown[]).map((x, i) => checkNumber(x, `${where}[${i}]`, maxAbs));
}

export function readMatrix(
  o: Obj,
  key: string,
  path: string,
  rows: number,
  cols: number,
  maxAbs: number,
): number[][] {
  const where = at(path, key);
  const v = o[key];
  if (!Array.isArray(v) || v.length !== rows) {
    fail(`${where} must be a ${rows}×${cols} matrix (a list of ${rows} rows), got ${show(v)}`);
  }
  return (v as unknown[]).map((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) {
      fail(`${where}[${i}] must be a row of ${cols} numbers, got ${show(row)}`);
    }
    return (row as unknown[]).map((x, j) => checkNumber(x, `${where}[${i}][${j}]`, maxAbs));
  });
}

/** Rows and columns of a matrix-like field, before its entries are checked. */
export function matrixSize(o: Obj, key: string, path: string, max: number): [rows: number, cols: number] {
  const v = o[key];
  const first: unknown = Array.isArray(v) ? v[0] : undefined;
  if (!Array.isArray(v) || v.length < 1 || v.length > max || !Array.isArray(first) || first.length < 1) {
    fail(`${at(path, key)} must be a non-empty matrix (a list of rows, at most ${max}), got ${show(v)}`);
  }
  if (first.length > max) fail(`${at(path, key)} has more than ${max} columns`);
  return [v.length, first.length];
}
