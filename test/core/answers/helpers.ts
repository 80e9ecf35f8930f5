import type { Part, Expected, Slip } from '../../../src/core/types.js';

/** A one-part question expecting `expected`, with optional slips. */
export function part(expected: Expected, slips?: readonly Slip[], id = 'a'): Part {
  return { id, name: '', expected, ...(slips ? { slips } : {}) };
}

export function num(value: number, extra: { dp?: number; integer?: boolean } = {}): Part {
  return part({ kind: 'number', value, ...extra });
}
