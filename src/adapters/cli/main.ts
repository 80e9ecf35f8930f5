/** `studybot` entry point: wires the process to runCli. Kept tiny: everything else is in run-cli.ts. */
import { randomInt } from 'node:crypto';
import { runCli } from './run-cli.js';

const RANDOM_RANGE = 2 ** 48 - 1;

// `studybot topics | head`: a closed pipe is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  random: () => randomInt(RANDOM_RANGE) / RANDOM_RANGE,
});
process.exitCode = code;
