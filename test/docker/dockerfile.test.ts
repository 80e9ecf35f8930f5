/**
 * The Dockerfile's logic, checked without a Docker engine (CI has none): the base is a pinned Node LTS, the
 * runtime stage holds only what `npm ci --omit=dev --omit=optional` installs (no prisma CLI, typescript, effect),
 * runs as a numeric user with a HEALTHCHECK on /healthz, and, assembled in a temporary folder exactly as its COPY
 * lines say (node_modules limited to the runtime closure of package-lock.json), it runs: a piped terminal session
 * on SQLite in its data folder, the refusal without a token or a TTY, and the health check command itself.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { ROOT } from '../support/bundled-main.js';

interface Instruction {
  readonly op: string;
  readonly args: string;
}
interface Stage {
  readonly name: string;
  readonly from: string;
  readonly instructions: Instruction[];
}

/** Stages of a Dockerfile, line continuations joined, ARG defaults substituted in FROM. */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = op.toUpperCase();
    if (upper === 'ARG' && stages.length === 0) {
      const [key, value = ''] = rest.split('=');
      args[key!] = value;
    } else if (upper === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest)!;
      const from = m[1]!.replace(/\$\{(\w+)\}/g, (_, k: string) => args[k] ?? '');
      stages.push({ name: m[2] ?? String(stages.length), from, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: upper, args: rest });
    }
  }
  return { args, stages };
}

const dockerfile = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
const runtime = dockerfile.stages.at(-1)!;
const lastOf = (op: string) => runtime.instructions.filter((i) => i.op === op).at(-1)?.args;
const envOf = (stage: Stage): Record<string, string> =>
  Object.fromEntries(
    stage.instructions.filter((i) => i.op === 'ENV').map((i) => i.args.split('=') as [string, string]),
  );

interface LockEntry {
  readonly dev?: boolean;
  readonly optional?: boolean;
  readonly devOptional?: boolean;
}
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/** Lock-file paths npm ci installs with these --omit flags (npm's rule: omit a node whose kind is omitted). */
function installed(omit: readonly string[]): string[] {
  return Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .filter(([, e]) => {
      if (e.dev && omit.includes('dev')) return false;
      if (e.optional && omit.includes('optional')) return false;
      if (e.devOptional && omit.includes('dev') && omit.includes('optional')) return false;
      return true;
    })
    .map(([path]) => path);
}

const npmCi = dockerfile.stages
  .find((s) => s.name === 'deps')!
  .instructions.find((i) => i.op === 'RUN' && i.args.includes('npm ci'))!.args;
const omitted = [...npmCi.matchAll(/--omit=(\w+)/g)].map((m) => m[1]!);
const closure = installed(omitted);
const names = new Set(closure.map((p) => p.replace(/^.*node_modules\//, '')));

describe('the Dockerfile', () => {
  it('builds every stage on one pinned Node LTS release (22 or 24)', () => {
    expect(dockerfile.args.NODE_IMAGE).toMatch(
      /^node:(22|24)\.\d+\.\d+-(bookworm|trixie)-slim(@sha256:[0-9a-f]{64})?$/,
    );
    for (const stage of dockerfile.stages) expect(stage.from).toBe(dockerfile.args.NODE_IMAGE);
  });

  it('installs only runtime dependencies: no prisma CLI, typescript, effect, bundler or mathjs (bundled)', () => {
    expect(omitted).toEqual(expect.arrayContaining(['dev', 'optional']));
    for (const tool of [
      'prisma',
      'typescript',
      'effect',
      '@prisma/config',
      'esbuild',
      'vitest',
      'mathjs',
      'tsx',
    ]) {
      expect(names.has(tool), tool).toBe(false);
    }
    for (const dep of Object.keys(pkg.dependencies)) expect(names.has(dep), dep).toBe(true);
  });

  it('runs as a numeric user, with a health check on /healthz and the bot as the command', () => {
    expect(lastOf('USER')).toMatch(/^\d+(:\d+)?$/);
    expect(lastOf('HEALTHCHECK')).toContain('/healthz');
    expect(envOf(runtime).HTTP_PORT).toMatch(/^\d+$/);
    expect(JSON.parse(lastOf('CMD')!)).toEqual(['node', 'dist/main.js']);
  });
});

/**
 * Hard-links a package folder into place (fast: node_modules is large), leaving out its nested node_modules,
 * which the lock file lists as packages of their own.
 */
function linkPackage(src: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const entry of readdirSync(src, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const from = join(src, entry.name);
    const to = join(dest, entry.name);
    if (entry.isDirectory()) linkPackage(from, to);
    else if (entry.isSymbolicLink()) cpSync(from, to, { verbatimSymlinks: true });
    else linkSync(from, to);
  }
}

describe('the runtime stage, assembled as the Dockerfile says', () => {
  // Next to node_modules (one file system, so packages can be hard-linked), ignored by git like test bundles.
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const root = mkdtempSync(join(cache, 'studybot-image-'));
  const app = join(root, 'app');
  const [uid, gid] = (lastOf('USER') ?? '').split(':').map(Number);
  const asUser = process.getuid?.() === 0 && uid !== undefined ? { uid, gid: gid ?? uid } : {};

  beforeAll(async () => {
    chmodSync(root, 0o755);
    mkdirSync(app);
    for (const copy of runtime.instructions.filter((i) => i.op === 'COPY')) {
      const parts = copy.args.split(/\s+/).filter((p) => !p.startsWith('--chown'));
      const from = parts[0]!.startsWith('--from=') ? parts.shift()!.slice('--from='.length) : undefined;
      const dest = join(app, parts.pop()!);
      for (const src of parts) {
        if (from === 'deps' && src === '/app/node_modules') {
          // The runtime closure only, each package without its nested node_modules (those are entries too).
          for (const path of closure)
            linkPackage(join(ROOT, path), join(dest, path.replace(/^node_modules\//, '')));
        } else if (from === 'build' && src === '/app/dist') {
          await build({
            entryPoints: [join(ROOT, 'src/main.ts')],
            outdir: dest,
            bundle: true,
            splitting: true,
            format: 'esm',
            platform: 'node',
            target: 'node20',
            external: Object.keys(pkg.dependencies).flatMap((d) => [d, `${d}/*`]),
            logLevel: 'warning',
            banner: {
              js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
            },
          });
        } else {
          const target = src.endsWith('.json') && !dest.endsWith('.json') ? join(dest, src) : dest;
          mkdirSync(dirname(target), { recursive: true });
          cpSync(join(ROOT, src), target, { recursive: true });
        }
      }
    }
    for (const run of runtime.instructions.filter((i) => i.op === 'RUN')) {
      const m = /mkdir -p (\S+) && chown (\d+):(\d+) \S+/.exec(run.args);
      if (!m) continue;
      const dir = join(root, m[1]!);
      mkdirSync(dir, { recursive: true });
      if (process.getuid?.() === 0) chownSync(dir, Number(m[2]), Number(m[3]));
    }
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function run(
    env: Record<string, string>,
    input: string | undefined,
    command = JSON.parse(lastOf('CMD')!) as string[],
  ) {
    const child = spawn(command[0] === 'node' ? process.execPath : command[0]!, command.slice(1), {
      cwd: app,
      env: { PATH: process.env.PATH ?? '', HOME: app, ...envOf(runtime), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...asUser,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    if (input !== undefined) child.stdin.end(input);
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    return { child, exited, out: () => stdout, err: () => stderr };
  }

  it('holds no dev tool and runs a terminal session on SQLite in its data folder', async () => {
    expect(() => readFileSync(join(app, 'node_modules/prisma/package.json'))).toThrow();
    expect(() => readFileSync(join(app, 'node_modules/typescript/package.json'))).toThrow();
    const session = run({ STUDYBOT_TERMINAL: '1' }, '/quiz conv-params\n/quit\n');
    expect(await session.exited).toBe(0);
    expect(session.out()).toMatch(/question #1 · conv-params/);
    expect(readFileSync(join(app, 'data', 'studybot.db')).length).toBeGreaterThan(0);
  });

  it('refuses to start without a token or a TTY (docker run -d), exiting non-zero with the reason', async () => {
    const bot = run({}, '');
    expect(await bot.exited).toBe(1);
    expect(bot.err()).toContain('needs a token');
  });

  it('passes its own HEALTHCHECK command while the bot runs', async () => {
    const discord = await FakeDiscord.start();
    const port = String(20000 + (process.pid % 20000));
    const bot = run(
      { DISCORD_TOKEN: 'x', DISCORD_API_BASE: discord.api, HTTP_PORT: port, HTTP_HOST: '127.0.0.1' },
      undefined,
    );
    try {
      for (let i = 0; i < 200 && !bot.err().includes('studybot is running'); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(bot.err()).toContain('studybot is running');
      const check = JSON.parse(lastOf('HEALTHCHECK')!.replace(/^.*?CMD\s+/, '')) as string[];
      const probe = run({ HTTP_PORT: port }, undefined, check);
      expect(await probe.exited).toBe(0);
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await discord.stop();
    }
  });
});
