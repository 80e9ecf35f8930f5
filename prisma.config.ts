/**
 * Prisma CLI configuration (Prisma 6.19, JavaScript engine: no native engine download, see the README).
 * The provider follows DATABASE_URL: unset or `file:...` -> SQLite (prisma/sqlite), `postgres(ql)://...` ->
 * PostgreSQL (prisma/postgres). Both folders share the models in prisma/models.
 * The app itself never needs the CLI: it applies the committed migrations at start-up (src/store/prisma/).
 */
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

const url = process.env['DATABASE_URL'] ?? 'file:./data/studybot.db';
const provider = /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';

type SqliteConnection = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;

/**
 * CLI only: the schema engine replays each migration.sql (several statements) in one executeRaw call, which
 * better-sqlite3 refuses ("more than one statement"); run such scripts whole instead. This makes
 * `prisma migrate diff --from-migrations ...` (and `migrate dev`) work on SQLite.
 */
class CliSqliteAdapter extends PrismaBetterSQLite3 {
  override async connect(): Promise<SqliteConnection> {
    return runsScripts(await super.connect());
  }
  override async connectToShadowDb(): Promise<SqliteConnection> {
    return runsScripts(await super.connectToShadowDb());
  }
}

function runsScripts(conn: SqliteConnection): SqliteConnection {
  const executeRaw = conn.executeRaw.bind(conn);
  conn.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!(error instanceof RangeError) || !/more than one statement/.test(error.message)) throw error;
      await conn.executeScript(query.sql);
      return 0;
    }
  };
  return conn;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations` },
  adapter() {
    return Promise.resolve(
      provider === 'postgres' ? new PrismaPg({ connectionString: url }) : new CliSqliteAdapter({ url }),
    );
  },
});
