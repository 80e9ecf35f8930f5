// Runs before `prisma generate`. prisma/sqlite/models and prisma/postgres/models are symbolic links to
// ../models (the models are written once for both providers). Where links are not checked out as links (a
// copy that lost them, git with core.symlinks=false), each is a small text file, and `prisma generate` would
// silently produce a client WITHOUT models that fails at the first query. Stop here with the fix instead.
import { readdirSync, statSync } from 'node:fs';

for (const provider of ['sqlite', 'postgres']) {
  const dir = `prisma/${provider}/models`;
  const isDir = (() => {
    try {
      return statSync(dir).isDirectory();
    } catch {
      return false;
    }
  })();
  if (!isDir || !readdirSync(dir).some((f) => f.endsWith('.prisma'))) {
    console.error(
      `[build] ${dir} must be a symbolic link to ../models (the shared Prisma models).\n` +
        `        Fix: rm ${dir} && ln -s ../models ${dir}   (with git: git config core.symlinks true, check out again)`,
    );
    process.exit(1);
  }
}
