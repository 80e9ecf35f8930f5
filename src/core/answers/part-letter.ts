/**
 * Parts are shown to students by letter, from their position in the question: a, b, c ... z, then aa, ab ...
 * The letter is the only label a student needs to type ("b) 0.25"); internal part ids are never shown.
 */
export function partLetter(index: number): string {
  const n = Math.max(0, Math.floor(index));
  return n < 26
    ? String.fromCharCode(97 + n)
    : partLetter(Math.floor(n / 26) - 1) + String.fromCharCode(97 + (n % 26));
}

/** "a) h₁": the heading of a part everywhere it is shown (question, feedback, hints, solutions, forms, buttons). */
export function partHeading(index: number, name: string): string {
  return name.length > 0 ? `${partLetter(index)}) ${name}` : `${partLetter(index)})`;
}
