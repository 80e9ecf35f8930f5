/**
 * `npm run bench [filter]`: runs every bench/*.bench.ts (or those whose file name contains the filter) one after
 * another and prints their numbers. Each bench module's default export is `async () => void`.
 * Benchmarks print numbers; they never fail on timings (a noisy 2-core machine would make that flaky).
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (filter === undefined || f.includes(filter)))
  .sort();

for (const file of files) {
  console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}`);
  const mod = (await import(`./${file}`)) as { default: () => Promise<void> };
  await mod.default();
}
