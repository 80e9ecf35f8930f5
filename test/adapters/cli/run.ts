/** Runs the CLI in-process with captured output. */
import { type CliIo, runCli } from '../../../src/adapters/cli/run-cli.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function run(argv: readonly string[], io: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    random: () => 0.5,
    ...io,
  });
  return { code, stdout, stderr };
}
