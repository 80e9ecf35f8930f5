/**
 * The answers a student gets by rounding every intermediate to the asked precision, where they differ from the
 * exact answers at that precision: the worked solution shows both routes, and both are accepted.
 */
import type { NumericValue, Part, QuestionInstance } from '../types.js';
import { carryOf } from './follow-through.js';
import { formatExpected } from './format-expected.js';

export function roundedRouteAnswers(
  instance: Pick<QuestionInstance, 'parts' | 'route'>,
): { readonly partId: string; readonly value: string }[] {
  const route = instance.route;
  if (route === undefined) return [];
  const rounded = route(carryOf({ parts: instance.parts, rounded: true }));
  return instance.parts.flatMap((part) => {
    const value = rounded[part.id];
    if (value === undefined) return [];
    const exactText = formatExpected(part.expected);
    const roundedText = formatWith(part, value);
    return roundedText === undefined || roundedText === exactText
      ? []
      : [{ partId: part.id, value: roundedText }];
  });
}

function formatWith(part: Part, value: NumericValue): string | undefined {
  const e = part.expected;
  if (e.kind === 'number') return typeof value === 'number' ? formatExpected({ ...e, value }) : undefined;
  if (typeof value === 'number') return undefined;
  const cells: number[] = [];
  const rows: (readonly number[])[] = [];
  for (const x of value) {
    if (typeof x === 'number') cells.push(x);
    else rows.push(x);
  }
  if (e.kind === 'vector' && rows.length === 0) return formatExpected({ ...e, value: cells });
  if (e.kind === 'matrix' && cells.length === 0) return formatExpected({ ...e, value: rows });
  return undefined;
}
