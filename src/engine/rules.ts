/** The quiz rules in one place (the scoring rule itself is in scoring.ts). */

/**
 * Tries each student has on each part of a question. Tries are counted per part, not per question, because
 * multi-part chat questions are answered part by part: a wrong (b) must not use up the tries of an unanswered (c).
 * Unreadable (invalid) and too-coarsely rounded answers cost no try.
 */
export const MAX_TRIES = 3;

/** Rows shown on a leaderboard (the caller's own row is added when they are ranked lower). */
export const LEADERBOARD_SIZE = 10;

/** A topic counts towards "weakest topics" once the student made at least this many attempts on it. */
export const WEAKEST_MIN_ATTEMPTS = 3;

/** How many weakest topics progress shows. */
export const WEAKEST_COUNT = 3;

/** Built questions kept in the engine's cache (derivable from topic + seed, so losing them costs only CPU). */
export const QUESTION_CACHE_SIZE = 1000;
