/**
 * Import rules, one per row of the layers table in ARCHITECTURE.md, enforced by `npm run lint`.
 * test/lint/import-rules.test.ts proves each rule fails on a forbidden import.
 */
const ENTRY_POINTS = [
  '^src/main[.]ts$',
  '^src/adapters/cli/main[.]ts$',
  '^src/adapters/discord/deploy-commands[.]ts$',
  '^src/store/prisma/migrate-cli[.]ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'src/core imports nothing of ours outside core (and mathjs): no engine, store, adapters, ops, config.',
      severity: 'error',
      from: { path: '^src/core' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'core-no-io',
      comment: 'src/core does no I/O: no file system, network or process modules.',
      severity: 'error',
      from: { path: '^src/core' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster)$',
      },
    },
    {
      name: 'engine-owns-its-ports',
      comment:
        'The engine imports core and itself (its ports included): never a store, an adapter, ops or config.',
      severity: 'error',
      from: { path: '^src/engine' },
      to: { path: '^src/(?!core/|engine/)' },
    },
    {
      name: 'engine-no-libraries',
      comment: 'The engine knows no database or platform library.',
      severity: 'error',
      from: { path: '^src/engine' },
      to: {
        path: '(^|/)node_modules/(@prisma|prisma|discord[.]js|@discordjs|grammy|@grammyjs|pg|better-sqlite3)/',
      },
    },
    {
      name: 'store-implements-the-port',
      comment:
        'A store imports core, the port it implements (src/engine/ports) and itself: not the use cases.',
      severity: 'error',
      from: { path: '^src/store', pathNot: ENTRY_POINTS },
      to: { path: '^src/(?!core/|store/|engine/ports/|generated/)' },
    },
    {
      name: 'adapters-use-the-engine-api',
      comment:
        'Adapters import the engine API (api.ts), core and adapters/shared: never a store, Prisma or config.',
      severity: 'error',
      from: { path: '^src/adapters', pathNot: ENTRY_POINTS },
      to: { path: '^src/(store|generated|ops|config[.]ts|main[.]ts)|(^|/)node_modules/@prisma/' },
    },
    {
      name: 'adapters-not-engine-internals',
      comment: 'Adapters see the Engine interface, not the use cases behind it.',
      severity: 'error',
      from: { path: '^src/adapters', pathNot: ENTRY_POINTS },
      to: { path: '^src/engine/(?!api[.]ts$)' },
    },
    {
      name: 'discord-not-telegram',
      severity: 'error',
      from: { path: '^src/adapters/discord' },
      to: { path: '^src/adapters/(telegram|console|cli)/' },
    },
    {
      name: 'telegram-not-discord',
      severity: 'error',
      from: { path: '^src/adapters/telegram' },
      to: { path: '^src/adapters/(discord|console|cli)/' },
    },
    {
      name: 'console-and-cli-alone',
      severity: 'error',
      from: { path: '^src/adapters/(console|cli)/' },
      to: { path: '^src/adapters/(discord|telegram)/' },
    },
    {
      name: 'shared-is-platform-neutral',
      comment: 'adapters/shared serves every adapter and imports none of them.',
      severity: 'error',
      from: { path: '^src/adapters/shared' },
      to: { path: '^src/adapters/(?!shared/)' },
    },
    {
      name: 'ops-use-the-engine-api',
      comment:
        'Health and metrics wrap the Engine interface and the store port: no store implementation, no adapter.',
      severity: 'error',
      from: { path: '^src/ops' },
      to: { path: '^src/(store|generated|adapters|config[.]ts|main[.]ts)|^src/engine/(?!api[.]ts$|ports/)' },
    },
    {
      name: 'config-only-in-entry-points',
      comment:
        'Only the entry points (bot, CLI, deploy-commands, migrate) read config; everything else is passed values.',
      severity: 'error',
      from: { pathNot: ENTRY_POINTS },
      to: { path: '^src/config[.]ts$' },
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
