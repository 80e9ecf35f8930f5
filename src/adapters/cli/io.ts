/** What the CLI needs from the outside world, injected so runCli is pure and testable in-process. */
export interface CliIo {
  /** Writes text to standard output (the caller adds nothing: texts carry their own newlines). */
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Entropy source for seeds when none is given: a float in [0, 1). */
  readonly random: () => number;
}

/** Exit codes: documented in the usage text. */
export const EXIT = {
  ok: 0,
  /** `check`: some part is not (yet) right, or the answer could not be read. */
  notCorrect: 1,
  /** Bad command line or parameters: a usage message was printed. */
  usage: 2,
  /** A bug: reported in one line, never as a stack trace. */
  internal: 3,
} as const;
