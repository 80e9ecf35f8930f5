// Runs after `npm install`: generates both Prisma clients and compiles TypeScript to dist/,
// so `npm start` and `npx studybot` start from plain JavaScript (fast cold start).
// Skipped in production installs (`npm ci --omit=dev`), where the build stage already did this.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/typescript')) {
  console.log('[prepare] dev dependencies not installed: skipping build');
  process.exit(0);
}
execSync('npm run build', { stdio: 'inherit' });
