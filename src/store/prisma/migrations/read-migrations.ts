/**
 * The committed migrations (prisma/<provider>/migrations/<name>/migration.sql), read so that the app can apply
 * them itself at start-up. Rows written to `_prisma_migrations` match Prisma's own (checksum = sha256 hex of the
 * file), so `prisma migrate status` / `migrate deploy` agree with what the app applied and vice versa.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';

export type MigrationProvider = 'sqlite' | 'postgres';

export interface Migration {
  /** Folder name, e.g. '20261124000000_init'; migrations apply in name order. */
  readonly name: string;
  readonly sql: string;
  /** sha256 hex of the file, as Prisma computes it. */
  readonly checksum: string;
}

export interface AppliedRow {
  readonly migration_name: string;
  readonly finished_at: unknown;
  readonly rolled_back_at: unknown;
}

/**
 * Finds prisma/<provider>/migrations by walking up from this module: works from src/ (tsx, vitest) and from the
 * bundled dist/ (the package root holds prisma/, which the Docker image must copy too).
 */
export function findMigrationsDir(
  provider: MigrationProvider,
  from = dirname(fileURLToPath(import.meta.url)),
): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'prisma', provider, 'migrations');
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir || dir === parse(dir).root) break;
    dir = up;
  }
  throw new Error(`cannot find prisma/${provider}/migrations above ${from}`);
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, 'migration.sql'));
      return {
        name,
        sql: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      };
    });
}

/**
 * The migrations still to apply, given the rows of `_prisma_migrations`. A migration that started and neither
 * finished nor was rolled back failed half-way: like `prisma migrate deploy` (P3009), refuse to go on.
 */
export function pendingMigrations(all: readonly Migration[], rows: readonly AppliedRow[]): Migration[] {
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((r) => r.migration_name).join(', ');
    throw new Error(
      `migration(s) ${names} failed earlier; fix the database, then run \`prisma migrate resolve\` (see the README)`,
    );
  }
  const done = new Set(rows.filter((r) => r.finished_at !== null).map((r) => r.migration_name));
  return all.filter((m) => !done.has(m.name));
}
