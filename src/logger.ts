/**
 * A tiny structured logger passed to every adapter (`startTelegram({ config, engine, logger })`): one JSON line
 * per event on stderr, so stdout stays free for the terminal session. Adapters log causes here and show users
 * only the texts of src/adapters/shared/texts.ts.
 *
 * Every line is redacted before it is written (`redactSecrets`): errors from HTTP clients carry request URLs, and a
 * Bot API URL contains the bot token, so redaction happens here, once, rather than at each call site.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds these fields to every line (e.g. { adapter: 'telegram' }). */
  child(fields: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where lines go (default: process.stderr). */
  readonly write?: (line: string) => void;
  readonly clock?: () => Date;
  readonly fields?: LogFields;
  /** Exact strings to redact as well (the configured tokens), on top of the token shapes redactSecrets knows. */
  readonly secrets?: readonly string[];
}

const REDACTED = '[redacted]';

/** Token shapes: Telegram `<bot id>:<secret>`, the Bot API's `/bot<token>/` path, Discord's three dotted parts. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /\/bot[^/\s"'?#]+/g,
  /\b\d{3,}:[A-Za-z0-9_-]{20,}/g,
  /\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{20,}/g,
];

/** Replaces every bot token (and every exact secret given) in a text. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match) => (match.startsWith('/bot') ? `/bot${REDACTED}` : REDACTED));
  }
  return out;
}

export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const clock = options.clock ?? (() => new Date());
  const base = options.fields ?? {};
  const min = RANK[options.level];
  const secrets = options.secrets ?? [];
  const log =
    (level: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: LogFields): void => {
      if (RANK[level] < min) return;
      const line = { time: clock().toISOString(), level, msg: message, ...base, ...serialise(fields) };
      write(`${redactSecrets(JSON.stringify(line), secrets)}\n`);
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => createLogger({ ...options, write, clock, fields: { ...base, ...fields } }),
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = createLogger({ level: 'silent', write: () => undefined });

/** Errors become { name, message, stack, code, cause } so they survive JSON.stringify. */
function serialise(fields: LogFields | undefined): Record<string, unknown> {
  if (fields === undefined) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? errorFields(value) : value;
  }
  return out;
}

function errorFields(error: Error, depth = 0): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  const cause: unknown = error.cause;
  return {
    name: error.name,
    message: error.message,
    ...(code !== undefined ? { code } : {}),
    ...(error.stack !== undefined ? { stack: error.stack } : {}),
    ...(cause === undefined || depth >= 3
      ? {}
      : { cause: cause instanceof Error ? errorFields(cause, depth + 1) : safeString(cause) }),
  };
}

function safeString(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
