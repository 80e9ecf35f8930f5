/**
 * The scoring rule (stated to students in SCORING_RULE, src/adapters/shared/texts.ts):
 * a solved part earns the topic's difficulty (1-3), doubled when solved at the first try, halved (rounded down,
 * at least 1) if the student took a hint on that question, and 0 once the student has seen the solution or it was
 * revealed publicly in the scope. Wrong answers earn 0 and never take points away.
 */
export interface PartScoreInput {
  readonly difficulty: 1 | 2 | 3;
  /** 1-based try on which the part was solved. */
  readonly tryNo: number;
  /** The student took at least one hint on this question before solving. */
  readonly hinted: boolean;
  /** The student saw the solution, or it was posted publicly in the scope. */
  readonly revealed: boolean;
}

export function pointsForSolvedPart(input: PartScoreInput): number {
  if (input.revealed) return 0;
  const base = input.tryNo === 1 ? input.difficulty * 2 : input.difficulty;
  return input.hinted ? Math.max(1, Math.floor(base / 2)) : base;
}
