/**
 * Child-process tests of `npm start`: bundles src/main.ts exactly as `npm run build` does (scripts/build.mjs,
 * which always writes the shared dist/) into a private folder, and runs it with a clean environment.
 * A bundled child starts in well under a second; `node --import tsx src/main.ts` spends 5+ s of CPU loading
 * mathjs's ~1,000 ESM files through the TypeScript loader.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BundledMain {
  readonly file: string;
  remove(): void;
}

/**
 * Builds into node_modules/.cache/ of the checkout: external packages and prisma/ resolve from there as from
 * dist/, and a folder left behind by a killed run is ignored by git, eslint and prettier.
 */
export async function bundleMain(name: string): Promise<BundledMain> {
  const outdir = join(ROOT, 'node_modules', '.cache', 'studybot-test-bundles', `${name}-${process.pid}`);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const external = Object.keys(pkg.dependencies)
    .filter((dep) => dep !== 'mathjs')
    .flatMap((dep) => [dep, `${dep}/*`]);
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'src/main.ts')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return { file: join(outdir, 'main.js'), remove: () => rmSync(outdir, { recursive: true, force: true }) };
}

export interface RunningMain {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (rejects after the timeout, killing the child). */
  exited(timeoutMs?: number): Promise<number | null>;
  /** Resolves once stderr contains `text`. */
  waitForStderr(text: string, timeoutMs?: number): Promise<void>;
}

/** Starts the bundled main with only PATH, HOME and `env`: no platform token leaks in from the machine. */
export function startMain(file: string, env: Record<string, string>): RunningMain {
  const child = spawn(process.execPath, [file], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? ROOT, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let errText = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (errText += c.toString()));
  const exit = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const describe = () => `stdout:\n${out}\nstderr:\n${errText}`;
  return {
    child,
    stdout: () => out,
    stderr: () => errText,
    exited(timeoutMs = 45_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`main did not exit within ${timeoutMs} ms\n${describe()}`));
        }, timeoutMs);
      });
      return Promise.race([exit, timeout]).finally(() => clearTimeout(timer));
    },
    waitForStderr(text, timeoutMs = 45_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!errText.includes(text)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no "${text}" on stderr within ${timeoutMs} ms\n${describe()}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          child.stderr.off('data', check);
        };
        child.stderr.on('data', check);
        void exit.then(() => {
          check();
          if (!errText.includes(text)) {
            cleanup();
            reject(new Error(`main exited before "${text}" appeared on stderr\n${describe()}`));
          }
        });
        check();
      });
    },
  };
}

/** Runs the bundled main with `input` piped to stdin until it exits. */
export async function runMain(
  file: string,
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const main = startMain(file, env);
  main.child.stdin.end(input);
  const code = await main.exited();
  return { code, stdout: main.stdout(), stderr: main.stderr() };
}
