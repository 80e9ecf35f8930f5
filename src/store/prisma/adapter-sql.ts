/**
 * Between `Prisma.Sql` and a driver adapter: a statement with its argument types (what Prisma Client sent), and
 * the adapter's result set as rows keyed by column name (what `$queryRaw` returned). See adapter-runner.ts.
 */
import type { Prisma } from '../../generated/sqlite/client.js';
import type { Row } from './rows.js';
import type { SqlDriverAdapter } from './sqlite-adapter.js';

export type SqlQuery = Parameters<SqlDriverAdapter['queryRaw']>[0];
type ArgType = SqlQuery['argTypes'][number];
export type SqlResultSet = Awaited<ReturnType<SqlDriverAdapter['queryRaw']>>;

const argType = (scalarType: ArgType['scalarType']): ArgType => ({ scalarType, arity: 'scalar' });
const INT = argType('int');
const BIGINT = argType('bigint');
const FLOAT = argType('float');
const BOOLEAN = argType('boolean');
const STRING = argType('string');
const DATETIME = argType('datetime');
const UNKNOWN = argType('unknown');

function argTypeOf(value: unknown): ArgType {
  switch (typeof value) {
    case 'string':
      return STRING;
    case 'number':
      return Number.isInteger(value) ? INT : FLOAT;
    case 'bigint':
      return BIGINT;
    case 'boolean':
      return BOOLEAN;
    default:
      if (value instanceof Date) return DATETIME;
      if (value === null) return UNKNOWN;
      throw new TypeError(`unsupported SQL argument of type ${typeof value}`);
  }
}

/** `Prisma.sql\`...\`` -> the adapter's query, with the provider's placeholders. */
export function toSqlQuery(query: Prisma.Sql, provider: 'sqlite' | 'postgres' = 'sqlite'): SqlQuery {
  const args = query.values;
  return {
    sql: provider === 'sqlite' ? query.sql : query.text,
    args: [...args],
    argTypes: args.map(argTypeOf),
  };
}

/** The adapter's result set -> one object per row, keyed by column name (what `$queryRaw` returned). */
export function toRows(result: SqlResultSet): Row[] {
  const names = result.columnNames;
  return result.rows.map((values) => {
    const row: Row = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row;
  });
}
