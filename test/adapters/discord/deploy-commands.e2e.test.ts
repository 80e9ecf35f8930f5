/**
 * Command registration: the deploy function and the `deploy-commands` script against the fake Discord.
 */
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_COMMANDS } from '../../../src/adapters/discord/commands.js';
import { deployCommands } from '../../../src/adapters/discord/deploy.js';
import { FakeDiscord } from './fake-discord.js';

const run = promisify(execFile);
const names = DISCORD_COMMANDS.map((c) => c.name);

let fake: FakeDiscord | undefined;
afterEach(async () => {
  expect(fake?.unknownRoutes ?? []).toEqual([]);
  await fake?.stop();
  fake = undefined;
});

// The script as `npm run deploy-commands` runs it: bundled by esbuild like scripts/build.mjs (dependencies stay
// external, so the bundle lives under node_modules/.cache where Node resolves them).
let bundleDir: string;
let bundle: string;
beforeAll(async () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
  mkdirSync(join('node_modules', '.cache'), { recursive: true });
  bundleDir = mkdtempSync(join('node_modules', '.cache', 'discord-deploy-'));
  bundle = join(bundleDir, 'deploy-commands.mjs');
  await build({
    entryPoints: ['src/adapters/discord/deploy-commands.ts'],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: Object.keys(pkg.dependencies).flatMap((d) => [d, `${d}/*`]),
    logLevel: 'warning',
  });
});
afterAll(() => {
  rmSync(bundleDir, { recursive: true, force: true });
});

async function script(
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bundle], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'memory:', ...env },
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('deployCommands', () => {
  it('registers every command in one development guild', async () => {
    fake = await FakeDiscord.start();
    const result = await deployCommands({
      token: 'tok',
      applicationId: fake.applicationId,
      guildId: fake.guild.id,
      apiBase: fake.api,
    });
    expect(result).toEqual({ scope: 'guild', names });
    const put = fake.calls.find((c) => c.method === 'PUT')!;
    expect(put).toMatchObject({
      path: `/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`,
      auth: 'Bot tok',
    });
    expect((put.body as { name: string }[]).map((c) => c.name)).toEqual(names);
    expect(fake.commands.get(fake.guild.id)!.map((c) => c.name)).toEqual(names);
    expect(fake.commands.has('global')).toBe(false);
  });

  it('registers globally, for user installs and every context, when no guild is configured', async () => {
    fake = await FakeDiscord.start();
    const result = await deployCommands({
      token: 'tok',
      applicationId: fake.applicationId,
      apiBase: fake.api,
    });
    expect(result.scope).toBe('global');
    const body = fake.calls.find((c) => c.method === 'PUT')!.body as {
      name: string;
      contexts: number[];
      integration_types: number[];
    }[];
    expect(body.find((c) => c.name === 'quiz')!.contexts).toEqual([0, 1, 2]);
    expect(body.find((c) => c.name === 'quiz')!.integration_types).toEqual([0, 1]);
    expect(fake.commands.get('global')!.map((c) => c.name)).toEqual(names);
  });

  it('reports a refusal from Discord', async () => {
    fake = await FakeDiscord.start();
    await expect(
      deployCommands({ token: 'tok', applicationId: '123456789012345678', apiBase: fake.api }),
    ).rejects.toThrow(/Missing Access/);
  });
});

describe('npm run deploy-commands (the script)', () => {
  it('registers to the guild from the environment and says so', async () => {
    fake = await FakeDiscord.start();
    const out = await script({
      DISCORD_TOKEN: 'script-token',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guild.id,
      DISCORD_API_BASE: fake.api,
    });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Registered ${names.length} commands for server ${fake.guild.id}`);
    expect(fake.commands.get(fake.guild.id)!.map((c) => c.name)).toEqual(names);
    expect(fake.calls.every((c) => c.auth === 'Bot script-token')).toBe(true);
  });

  it('exits non-zero with the missing variables named', async () => {
    const out = await script({ DISCORD_TOKEN: 'script-token', DISCORD_GUILD_ID: 'not-a-number' });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('DISCORD_GUILD_ID');
    expect(out.stdout).toBe('');
  });
});
