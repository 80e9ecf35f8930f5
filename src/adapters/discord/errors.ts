/** Sorting errors by kind for the error boundary. */
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';

/** Discord no longer accepts a response: the 3 s (or 15 min) window passed, or it was already answered. */
export function isExpiredInteraction(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownInteraction ||
      error.code === RESTJSONErrorCodes.UnknownWebhook ||
      error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)
  );
}

/** Fields for a log line: never shown to users. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return {
      error: error.message,
      code: error.code,
      status: error.status,
      method: error.method,
      url: redactToken(error.url),
    };
  }
  if (error instanceof Error) return { error };
  return { error: String(error) };
}

/** Interaction tokens are credentials for 15 minutes: keep them out of logs. */
export function redactToken(url: string): string {
  return url.replace(/\/(interactions\/\d+|webhooks\/\d+)\/[^/?]+/, '/$1/<token>');
}
