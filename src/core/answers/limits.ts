/**
 * Longest answer (in UTF-16 code units, as `string.length` counts) the checker reads. A 10×10 matrix with four
 * decimals per cell is about 900 characters; anything longer is refused with the syntax code 'too-long' before
 * any parsing, which also bounds the work done per answer.
 */
export const MAX_ANSWER_LENGTH = 1000;
