#!/usr/bin/env node
// `npx studybot ...`: runs the compiled CLI (built by `npm install` via the prepare script).
import('../dist/adapters/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('studybot is not built yet: run `npm install` (or `npm run build`) first.');
    process.exit(1);
  }
  throw error;
});
