/**
 * Runs the store's hot-path statements (statements.ts) on the driver adapter Prisma Client is connected through,
 * through the adapter's public interface (queryRaw with its argument types): Prisma Client's request pipeline costs
 * more CPU per call than SQLite needs to run the statement (see ARCHITECTURE.md, Performance). Same adapter, so on
 * SQLite the same connection and lock (sqlite-connection.ts), on PostgreSQL the same bounded pool.
 *
 * Several writes are atomic as one transaction, run as Prisma Client runs its own: the adapter begins it (on SQLite
 * with BEGIN IMMEDIATE, see sqlite-connection.ts), the caller sends COMMIT or ROLLBACK (`usePhantomQuery: false`),
 * and commit() / rollback() hand the connection back.
 */
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  SqlResultSet,
} from '@prisma/driver-adapter-utils';
import { Prisma } from '../../generated/sqlite/client.js';
import type { Row } from './rows.js';

export interface SqlRunner {
  readonly provider: 'sqlite' | 'postgres';
  /** Scalar maximum of two values (MAX on SQLite, GREATEST on PostgreSQL). */
  readonly greatest: Prisma.Sql;
  query(query: Prisma.Sql): Promise<Row[]>;
  /** Runs `writes`, then `last` (whose rows it returns), all or nothing. */
  atomically(writes: readonly Prisma.Sql[], last: Prisma.Sql): Promise<Row[]>;
}

/** A factory that hands Prisma Client the adapter the store already connected (so both use the same one). */
export function sharing(adapter: SqlDriverAdapter): SqlDriverAdapterFactory {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: () => Promise.resolve(adapter),
  };
}

export function sqlRunner(adapter: SqlDriverAdapter): SqlRunner {
  const provider = adapter.provider === 'postgres' ? 'postgres' : 'sqlite';
  const end = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
  return {
    provider,
    greatest: Prisma.raw(provider === 'postgres' ? 'GREATEST' : 'MAX'),
    query: (query) => run(adapter, query, provider),
    async atomically(writes, last) {
      const tx = await adapter.startTransaction();
      try {
        for (const write of writes) await tx.executeRaw(toSqlQuery(write, provider));
        const rows = await run(tx, last, provider);
        await tx.executeRaw(end('COMMIT'));
        await tx.commit();
        return rows;
      } catch (error) {
        // After some errors the database has rolled back by itself already; then there is nothing left to undo.
        await tx.executeRaw(end('ROLLBACK')).catch(() => undefined);
        await tx.rollback();
        throw error;
      }
    },
  };
}

async function run(on: SqlQueryable, query: Prisma.Sql, provider: SqlRunner['provider']): Promise<Row[]> {
  return toRows(await on.queryRaw(toSqlQuery(query, provider)));
}

type ArgType = SqlQuery['argTypes'][number];
const argType = (scalarType: ArgType['scalarType']): ArgType => ({ scalarType, arity: 'scalar' });
const INT = argType('int');
const FLOAT = argType('float');
const BOOLEAN = argType('boolean');
const STRING = argType('string');
const DATETIME = argType('datetime');
const UNKNOWN = argType('unknown');

/** The type the adapter is told for each value (it does the encoding itself). */
function argTypeOf(value: unknown): ArgType {
  if (typeof value === 'string') return STRING;
  if (typeof value === 'number') return Number.isInteger(value) ? INT : FLOAT;
  if (typeof value === 'boolean') return BOOLEAN;
  if (value instanceof Date) return DATETIME;
  if (value === null) return UNKNOWN;
  throw new TypeError(`unsupported SQL argument of type ${typeof value}`);
}

/** `Prisma.sql\`...\`` -> the adapter's query: `?` placeholders for SQLite, `$1` for PostgreSQL. */
function toSqlQuery(query: Prisma.Sql, provider: SqlRunner['provider']): SqlQuery {
  const args = query.values;
  return {
    sql: provider === 'sqlite' ? query.sql : query.text,
    args: [...args],
    argTypes: args.map(argTypeOf),
  };
}

function toRows(result: SqlResultSet): Row[] {
  const names = result.columnNames;
  return result.rows.map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]])));
}
