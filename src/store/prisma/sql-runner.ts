/**
 * Runs the store's hot-path statements (statements.ts) on the driver adapter Prisma Client is connected through,
 * through the adapter's public interface (queryRaw with its argument types): Prisma Client's request pipeline costs
 * more CPU per call than SQLite needs to run the statement (see ARCHITECTURE.md, Performance). Same adapter, so on
 * SQLite the same connection and lock (sqlite-connection.ts), on PostgreSQL the same bounded pool.
 *
 * Several writes are atomic as one transaction (the adapters' transactions leave COMMIT / ROLLBACK to the caller,
 * as they do for Prisma Client: usePhantomQuery false).
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
import type { SerializedSqlite } from './sqlite-connection.js';

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

export function sqliteRunner(connection: SerializedSqlite): SqlRunner {
  return {
    provider: 'sqlite',
    greatest: Prisma.raw('MAX'),
    query: (query) => run(connection, query, 'sqlite'),
    atomically: (writes, last) =>
      connection.transaction(async (tx) => {
        for (const write of writes) await tx.executeRaw(toSqlQuery(write, 'sqlite'));
        return run(tx, last, 'sqlite');
      }),
  };
}

/** PostgreSQL: several writes in one transaction on a pooled connection (the adapter sends BEGIN; we end it). */
export function postgresRunner(adapter: SqlDriverAdapter): SqlRunner {
  const end = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
  return {
    provider: 'postgres',
    greatest: Prisma.raw('GREATEST'),
    query: (query) => run(adapter, query, 'postgres'),
    async atomically(writes, last) {
      const tx = await adapter.startTransaction();
      try {
        for (const write of writes) await tx.executeRaw(toSqlQuery(write, 'postgres'));
        const rows = await run(tx, last, 'postgres');
        await tx.executeRaw(end('COMMIT'));
        await tx.commit();
        return rows;
      } catch (error) {
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
