/**
 * A small, strict argument parser: `--name value`, `--name=value`, boolean flags, `-h`. Values of string options
 * are taken verbatim even when they start with '-' (`--answer -4.7`). Anything unexpected is a UsageError.
 */
import { MAX_SEED } from '../../core/rng.js';
import { type CommandName, UsageError } from './usage.js';

export interface OptionSpec {
  readonly strings?: readonly string[];
  readonly booleans?: readonly string[];
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly strings: ReadonlyMap<string, string>;
  readonly booleans: ReadonlySet<string>;
}

export function parseArgs(argv: readonly string[], spec: OptionSpec, command: CommandName): ParsedArgs {
  const strings = new Map<string, string>();
  const booleans = new Set<string>();
  const positionals: string[] = [];
  const stringNames = new Set(spec.strings ?? []);
  const booleanNames = new Set([...(spec.booleans ?? []), 'help']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      booleans.add('help');
      continue;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
        throw new UsageError(`unknown option ${arg}`, command);
      }
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (booleanNames.has(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`, command);
      booleans.add(name);
      continue;
    }
    if (!stringNames.has(name)) throw new UsageError(`unknown option --${name}`, command);
    if (strings.has(name)) throw new UsageError(`--${name} given twice`, command);
    let value: string;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`--${name} needs a value`, command);
      value = next;
      i++;
    }
    strings.set(name, value);
  }
  return { positionals, strings, booleans };
}

/** A seed as typed: a whole number in [0, MAX_SEED]. */
export function parseSeed(text: string, command: CommandName): number {
  const t = text.trim();
  if (!/^\d{1,10}$/.test(t) || Number(t) > MAX_SEED) {
    throw new UsageError(`--seed must be a whole number from 0 to ${MAX_SEED}, got "${text}"`, command);
  }
  return Number(t);
}

/** Exactly `n` positionals, named for the error message. */
export function expectPositionals(
  args: ParsedArgs,
  names: readonly string[],
  command: CommandName,
): string[] {
  if (args.positionals.length < names.length) {
    throw new UsageError(
      `missing ${names
        .slice(args.positionals.length)
        .map((n) => `<${n}>`)
        .join(' ')}`,
      command,
    );
  }
  if (args.positionals.length > names.length) {
    throw new UsageError(`unexpected argument "${args.positionals[names.length] ?? ''}"`, command);
  }
  return [...args.positionals];
}
