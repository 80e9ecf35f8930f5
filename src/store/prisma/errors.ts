/**
 * Tells which unique key a failed write violated, from Prisma's driver-adapter error (both providers): as thrown
 * by the adapter itself (the PostgreSQL hot path calls the adapter directly, see adapter-runner.ts) or wrapped by
 * Prisma Client in `meta.driverAdapterError` (any call through the client); or from better-sqlite3's SqliteError
 * (the SQLite hot path runs on the connection itself, see sqlite-direct.ts).
 */

export type UniqueKey = 'event' | 'attempt';

interface AdapterCause {
  readonly kind?: unknown;
  readonly originalMessage?: unknown;
  readonly constraint?: { readonly fields?: unknown };
}

/** 'event' (processed_events), 'attempt' (attempts' question+user+part+try), or undefined for anything else. */
export function uniqueViolationOn(error: unknown): UniqueKey | undefined {
  const sqlite = sqliteUniqueViolation(error);
  if (sqlite !== undefined) return keyOf([], sqlite);
  const cause = adapterCause(error);
  if (cause?.kind !== 'UniqueConstraintViolation') return undefined;
  const fields = Array.isArray(cause.constraint?.fields) ? (cause.constraint.fields as unknown[]) : [];
  const message = typeof cause.originalMessage === 'string' ? cause.originalMessage : '';
  return keyOf(fields, message);
}

function keyOf(fields: readonly unknown[], message: string): UniqueKey | undefined {
  if (fields.includes('try_no') || message.includes('attempts')) return 'attempt';
  if (fields.includes('key') || message.includes('processed_events')) return 'event';
  return undefined;
}

/**
 * better-sqlite3: `SqliteError` with code SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY and a message naming the
 * columns ("UNIQUE constraint failed: processed_events.kind, processed_events.key"): that message, else undefined.
 */
function sqliteUniqueViolation(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  if (name !== 'SqliteError' || typeof message !== 'string') return undefined;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ? message : undefined;
}

function adapterCause(error: unknown): AdapterCause | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ((error as { name?: unknown }).name === 'DriverAdapterError') return causeOf(error);
  const meta = (error as { meta?: { driverAdapterError?: unknown } }).meta;
  return causeOf(meta?.driverAdapterError);
}

/** DriverAdapterError carries the classified driver error as its `cause`. */
function causeOf(error: unknown): AdapterCause | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const cause = (error as { cause?: unknown }).cause;
  return typeof cause === 'object' && cause !== null ? cause : undefined;
}
