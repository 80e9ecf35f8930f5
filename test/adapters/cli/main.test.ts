/**
 * The real entry point in a child process: exit codes, stdout/stderr wiring, no stack traces. tsx compiles the
 * sources on the fly (a few seconds on a busy machine), hence the generous timeouts.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function studybot(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/adapters/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('src/adapters/cli/main.ts as a process', () => {
  it('prints a question as JSON with a seed from the process entropy source, and exits 0', () => {
    const r = studybot('quiz', 'concepts-all', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.topic).toBe('concepts-all');
    expect(Number.isInteger(json.seed)).toBe(true);
    expect(json.seed).toBeGreaterThanOrEqual(0);
    expect(json.steps.at(-1).part).toBe('a');
  }, 90_000);

  it('answers bad arguments with a usage message on stderr and exit code 2, no stack trace', () => {
    const r = studybot('quiz', 'cnn', '--seed', 'x');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^studybot quiz: --seed must be a whole number/);
    expect(r.stderr).toMatch(/Usage: studybot quiz/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);
});
