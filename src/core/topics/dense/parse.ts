/**
 * Validation helpers for hand-typed parameters of the dense topics. Each throws a TopicParamsError whose message
 * names the offending field, e.g. `"W2" must be a 3 x 2 matrix of numbers`.
 */
import { TopicParamsError } from '../../types.js';

export type Fields = Readonly<Record<string, unknown>>;

export function fields(input: unknown, topicId: string): Fields {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TopicParamsError(`${topicId}: parameters must be a JSON object`);
  }
  return input as Fields;
}

interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly nonZero?: boolean;
}

function describeRule(rule: NumberRule): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  const range =
    rule.min !== undefined && rule.max !== undefined
      ? ` between ${rule.min} and ${rule.max}`
      : rule.min !== undefined
        ? ` of at least ${rule.min}`
        : rule.max !== undefined
          ? ` of at most ${rule.max}`
          : '';
  return `${kind}${range}${rule.nonZero ? ' (not 0)' : ''}`;
}

function okNumber(v: unknown, rule: NumberRule): v is number {
  return (
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!rule.integer || Number.isInteger(v)) &&
    (rule.min === undefined || v >= rule.min) &&
    (rule.max === undefined || v <= rule.max) &&
    (!rule.nonZero || v !== 0)
  );
}

/** A number field; -0 is normalised to 0 so parameters survive a JSON round trip unchanged. */
export function numberField(f: Fields, key: string, rule: NumberRule = {}): number {
  const v = f[key];
  if (!okNumber(v, rule)) throw new TopicParamsError(`"${key}" must be ${describeRule(rule)}`);
  return v === 0 ? 0 : v;
}

export function vectorField(
  f: Fields,
  key: string,
  rule: NumberRule & { readonly length?: number } = {},
): number[] {
  const v = f[key];
  const size = rule.length === undefined ? 'an array' : `an array of ${rule.length}`;
  if (!Array.isArray(v) || v.length === 0 || (rule.length !== undefined && v.length !== rule.length)) {
    throw new TopicParamsError(`"${key}" must be ${size} ${rule.integer ? 'integers' : 'numbers'}`);
  }
  return v.map((x: unknown, i) => {
    if (!okNumber(x, rule)) throw new TopicParamsError(`"${key}[${i}]" must be ${describeRule(rule)}`);
    return x === 0 ? 0 : x;
  });
}

export function matrixField(
  f: Fields,
  key: string,
  shape: { readonly rows?: number; readonly cols?: number } = {},
): number[][] {
  const v = f[key];
  const want =
    shape.rows !== undefined && shape.cols !== undefined
      ? `a ${shape.rows} x ${shape.cols} matrix`
      : 'a matrix (an array of equal-length rows)';
  const fail = (): never => {
    throw new TopicParamsError(`"${key}" must be ${want} of numbers`);
  };
  if (!Array.isArray(v) || v.length === 0) return fail();
  if (shape.rows !== undefined && v.length !== shape.rows) return fail();
  const rows = v as unknown[];
  const first = rows[0];
  const cols = Array.isArray(first) ? first.length : 0;
  if (cols === 0 || (shape.cols !== undefined && cols !== shape.cols)) return fail();
  return rows.map((row) => {
    if (!Array.isArray(row) || row.length !== cols) return fail();
    return row.map((x: unknown) => (okNumber(x, {}) ? (x === 0 ? 0 : x) : fail()));
  });
}

export function booleanField(f: Fields, key: string): boolean {
  const v = f[key];
  if (typeof v !== 'boolean') throw new TopicParamsError(`"${key}" must be true or false`);
  return v;
}

export function choiceField<T extends string>(f: Fields, key: string, allowed: readonly T[]): T {
  const v = f[key];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new TopicParamsError(`"${key}" must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
  return v as T;
}

export function arrayField(
  f: Fields,
  key: string,
  length: { readonly min: number; readonly max: number },
): unknown[] {
  const v = f[key];
  if (!Array.isArray(v) || v.length < length.min || v.length > length.max) {
    throw new TopicParamsError(`"${key}" must be an array of ${length.min} to ${length.max} entries`);
  }
  return v as unknown[];
}
