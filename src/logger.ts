/**
 * A tiny structured logger passed to every adapter (`startTelegram({ config, engine, logger })`): one JSON line
 * per event on stderr, so stdout stays free for the terminal session. Adapters log causes here and show users
 * only the texts of src/adapters/shared/texts.ts.
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
}

export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const clock = options.clock ?? (() => new Date());
  const base = options.fields ?? {};
  const min = RANK[options.level];
  const log =
    (level: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: LogFields): void => {
      if (RANK[level] < min) return;
      const line = { time: clock().toISOString(), level, msg: message, ...base, ...serialise(fields) };
      write(`${JSON.stringify(line)}\n`);
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

/** Errors become { name, message, stack, code } so they survive JSON.stringify. */
function serialise(fields: LogFields | undefined): Record<string, unknown> {
  if (fields === undefined) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? errorFields(value) : value;
  }
  return out;
}

function errorFields(error: Error): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(code !== undefined ? { code } : {}),
    ...(error.stack !== undefined ? { stack: error.stack } : {}),
  };
}
