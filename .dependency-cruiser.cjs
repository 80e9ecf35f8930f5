/** Import rules from ARCHITECTURE.md, enforced by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'src/core imports nothing of ours outside core (no engine, store, adapters, config) and no I/O modules.',
      severity: 'error',
      from: { path: '^src/core' },
      to: { path: '^src/(engine|store|adapters|config|main|cli|generated)' },
    },
    {
      name: 'core-no-io',
      severity: 'error',
      from: { path: '^src/core' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|net|http|https|child_process|node:fs|node:net|node:http|node:https|node:child_process)$',
      },
    },
    {
      name: 'engine-uses-port-only',
      comment: 'The engine depends on the store port, never on a store implementation or an adapter.',
      severity: 'error',
      from: { path: '^src/engine' },
      to: { path: '^src/(store/(prisma|memory)|adapters|generated|main)' },
    },
    {
      name: 'adapters-never-touch-prisma',
      severity: 'error',
      from: { path: '^src/adapters' },
      to: { path: '^src/(store/prisma|generated)|@prisma' },
    },
    {
      name: 'discord-not-telegram',
      severity: 'error',
      from: { path: '^src/adapters/discord' },
      to: { path: '^src/adapters/telegram' },
    },
    {
      name: 'telegram-not-discord',
      severity: 'error',
      from: { path: '^src/adapters/telegram' },
      to: { path: '^src/adapters/discord' },
    },
    {
      name: 'ops-sees-engine-api-and-core',
      comment:
        'src/ops (health, metrics, the engine decorator) depends on the Engine API, the store port and core; never on a store implementation, a platform adapter, config or main.',
      severity: 'error',
      from: { path: '^src/ops' },
      to: { path: '^src/(store|adapters|generated|main|config|cli)|^src/engine/(?!api\\.ts$|ports/)' },
    },
    {
      name: 'only-main-wires-ops',
      comment: 'Operations are wired in main.ts; the engine, adapters and store know nothing of them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main\\.ts|ops/)' },
      to: { path: '^src/ops' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
