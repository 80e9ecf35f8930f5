/**
 * Why the Telegram adapter could not start (or had to stop): thrown by `startTelegram` and by the poller, so
 * `src/main.ts` can print the message and exit non-zero. Messages name the cause and never contain the token.
 */
import { GrammyError, HttpError } from 'grammy';
import { redactSecrets } from '../../logger.js';

export type TelegramStartFailure = 'unreachable' | 'unauthorized' | 'conflict' | 'refused';

export class TelegramStartError extends Error {
  override readonly name = 'TelegramStartError';

  constructor(
    readonly reason: TelegramStartFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const ADVICE: Record<TelegramStartFailure, string> = {
  unreachable: 'check the network, a proxy or firewall, and TELEGRAM_API_ROOT if it is set',
  unauthorized: 'the token was rejected: copy it again from @BotFather into TELEGRAM_BOT_TOKEN',
  conflict:
    'another process is receiving updates for this bot (a second long poller, or a webhook is set): run one poller, or use webhook mode for several instances',
  refused: 'the Bot API refused the call',
};

/** Turns the failure of a start-up call (getMe, deleteWebhook, setWebhook, the first poll) into a start error. */
export function startErrorOf(step: string, error: unknown): TelegramStartError {
  const reason: TelegramStartFailure =
    error instanceof GrammyError
      ? error.error_code === 401 || error.error_code === 404
        ? 'unauthorized'
        : error.error_code === 409
          ? 'conflict'
          : 'refused'
      : 'unreachable';
  const detail =
    error instanceof GrammyError
      ? `${error.error_code} ${error.description}`
      : error instanceof HttpError
        ? `${error.message} (${describeCause(error.error)})`
        : error instanceof Error
          ? error.message
          : String(error);
  return new TelegramStartError(reason, `Telegram: ${step} failed: ${detail}; ${ADVICE[reason]}`, {
    cause: error,
  });
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = 'code' in cause && typeof cause.code === 'string' ? `${cause.code}: ` : '';
  // node-fetch puts the request URL, token included, in its message.
  return redactSecrets(`${code}${cause.message}`);
}
