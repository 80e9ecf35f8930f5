/**
 * The store's one error classification. Errors reach the store in three documented shapes: Prisma Client's
 * PrismaClientKnownRequestError (its `code`, e.g. P2002, and `meta.driverAdapterError`), the driver adapter's
 * DriverAdapterError (the hot path calls the adapter itself; `cause.kind`), and the pg driver's own client-side
 * errors (a query or pool timeout), which carry only a message.
 */
import { isDriverAdapterError, type DriverAdapterError } from '@prisma/driver-adapter-utils';
import { Prisma } from '../../generated/sqlite/client.js';
import { StoreUnavailableError } from '../../engine/ports/store.js';

/** What went wrong: a unique key that decided a race ('event', 'attempt'), no database in time, or anything else. */
export type StoreFailure = 'event' | 'attempt' | 'unavailable' | 'other';

/** Prisma's codes for timeouts and lost connections (P1008 timeout, P2024 pool timeout, P2028 transaction). */
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2037']);
const UNAVAILABLE_KINDS = new Set([
  'SocketTimeout',
  'DatabaseNotReachable',
  'ConnectionClosed',
  'TooManyConnections',
]);
/** PostgreSQL: 08 connection, 53 resources, 57 cancelled (statement timeout) or shut down, 55P03 lock timeout. */
const UNAVAILABLE_SQLSTATE = /^(08|53|57|55P03|25P03)/;
/** node-postgres: query_timeout, connectionTimeoutMillis, a connection dropped while in use. */
const PG_CLIENT_FAILURE = /Query read timeout|timeout exceeded when trying to connect|Connection terminated/;

export function classify(error: unknown): StoreFailure {
  if (error instanceof StoreUnavailableError || error instanceof Prisma.PrismaClientInitializationError)
    return 'unavailable';
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (UNAVAILABLE_CODES.has(error.code)) return 'unavailable';
    const cause = error.meta?.['driverAdapterError'];
    if (isDriverAdapterError(cause)) return ofAdapterError(cause);
    return error.code === 'P2002' ? uniqueKeyOf(error.meta?.['target']) : 'other';
  }
  if (isDriverAdapterError(error)) return ofAdapterError(error);
  if (error instanceof Error && PG_CLIENT_FAILURE.test(error.message)) return 'unavailable';
  return 'other';
}

/** Rethrows `error` as StoreUnavailableError when the database did not answer in time; as is otherwise. */
export function unavailableOr(error: unknown): never {
  if (classify(error) !== 'unavailable' || error instanceof StoreUnavailableError) throw error;
  throw new StoreUnavailableError('the database did not answer in time', { cause: error });
}

function ofAdapterError(error: DriverAdapterError): StoreFailure {
  const cause = error.cause;
  if (UNAVAILABLE_KINDS.has(cause.kind)) return 'unavailable';
  if (cause.kind === 'postgres' && UNAVAILABLE_SQLSTATE.test(cause.code)) return 'unavailable';
  if (cause.kind === 'UniqueConstraintViolation' && cause.constraint && 'fields' in cause.constraint)
    return uniqueKeyOf(cause.constraint.fields);
  return 'other';
}

function uniqueKeyOf(fields: unknown): StoreFailure {
  const names = Array.isArray(fields) ? fields.map(String) : [String(fields)];
  if (names.some((f) => f.includes('try_no') || f.includes('tryNo'))) return 'attempt';
  if (names.some((f) => f === 'key' || f.includes('events'))) return 'event';
  return 'other';
}
