/**
 * `npm run db:migrate`: applies the committed migrations to DATABASE_URL and exits. The bot also does this at
 * every start (safe with several instances), so this is only needed to migrate ahead of a release, e.g. with
 * `DATABASE_URL=postgresql://... npm run db:migrate`. Exit code 0 on success, 1 with a message otherwise.
 */
import { loadConfig } from '../../config.js';
import { migrateDatabase } from './create-prisma-store.js';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  if (config.databaseKind === 'memory') {
    console.log('DATABASE_URL is memory: (nothing is stored), so there is nothing to migrate.');
    return 0;
  }
  const applied = await migrateDatabase({ url: config.databaseUrl });
  const where = config.databaseKind === 'sqlite' ? config.databaseUrl : 'PostgreSQL';
  if (applied.length === 0) console.log(`${where}: the schema is up to date.`);
  else console.log(`${where}: applied ${applied.length} migration(s): ${applied.join(', ')}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
