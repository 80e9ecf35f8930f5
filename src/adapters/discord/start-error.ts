/**
 * Why the Discord adapter could not start, as a typed error whose message names the cause for an operator (and
 * never contains the token): main.ts logs it and exits non-zero.
 */
export type DiscordStartFailure = 'token-rejected' | 'unreachable' | 'timeout' | 'listen-failed';

export class DiscordStartError extends Error {
  override readonly name = 'DiscordStartError';
  constructor(
    readonly failure: DiscordStartFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
