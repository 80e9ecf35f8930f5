/**
 * The import rules of ARCHITECTURE.md are enforced by `npm run lint` (dependency-cruiser): each forbidden import
 * below, written into a probe file in the real tree, makes the check fail with that rule's name; the tree as it is
 * passes. The probes live only for the duration of one check and are removed whatever happens.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function cruise(files: readonly string[]): { code: number; output: string } {
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      '--config',
      '.dependency-cruiser.cjs',
      ...files,
    ],
    { cwd: root, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

/** [probe file, its forbidden import, the rule that must fire] */
const PROBES: readonly [string, string, string][] = [
  ['src/core/zz-probe.ts', "import '../store/create-store.js';", 'core-is-pure'],
  ['src/core/zz-probe.ts', "import 'node:fs';", 'core-no-io'],
  ['src/engine/zz-probe.ts', "import '../store/memory/memory-store.js';", 'engine-owns-its-ports'],
  ['src/store/zz-probe.ts', "import '../engine/submit-answer.js';", 'store-implements-the-port'],
  [
    'src/adapters/telegram/zz-probe.ts',
    "import '../../store/create-store.js';",
    'adapters-use-the-engine-api',
  ],
  [
    'src/adapters/console/zz-probe.ts',
    "import '../../engine/submit-answer.js';",
    'adapters-not-engine-internals',
  ],
  ['src/adapters/discord/zz-probe.ts', "import '../telegram/texts.js';", 'discord-not-telegram'],
  ['src/adapters/telegram/zz-probe.ts', "import '../discord/texts.js';", 'telegram-not-discord'],
  ['src/adapters/shared/zz-probe.ts', "import '../console/style.js';", 'shared-is-platform-neutral'],
  ['src/adapters/console/zz-probe.ts', "import '../../config.js';", 'config-only-in-entry-points'],
  ['src/engine/zz-probe.ts', "import '../config.js';", 'config-only-in-entry-points'],
];

describe('import rules', () => {
  it('fail `npm run lint` on each forbidden import, naming the rule', () => {
    const written = PROBES.map(([file, line, rule], k) => {
      const path = join(root, file.replace('zz-probe', `zz-probe-${process.pid}-${k}`));
      return { path, relative: path.slice(root.length + 1), line, rule };
    });
    try {
      for (const p of written) writeFileSync(p.path, `${p.line}\nexport {};\n`);
      const r = cruise(written.map((p) => p.relative));
      expect(r.code, r.output).not.toBe(0);
      for (const p of written) {
        const found = r.output.split('\n').some((l) => l.includes(p.rule) && l.includes(p.relative));
        expect(found, `${p.relative} (${p.line}) must fail ${p.rule}:\n${r.output}`).toBe(true);
      }
    } finally {
      for (const p of written) rmSync(p.path, { force: true });
    }
  });

  it('pass on the tree as it is', () => {
    const r = cruise(['src']);
    expect(r.output).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });
});
