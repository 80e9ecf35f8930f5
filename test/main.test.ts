/**
 * `npm start` with platform tokens: main starts every configured platform side by side (here against the fake
 * Telegram Bot API and the fake Discord the adapter tests use), serves both, and shuts down cleanly on SIGTERM;
 * with HTTP_PORT it serves /healthz and /metrics; every failure to start is logged with its cause; with no token
 * and no terminal it refuses to run a session on a closed stdin.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './adapters/discord/fake-discord.js';
import { buttonsOf, fieldsFor, member, rightAnswersFor } from './adapters/discord/harness.js';
import { FakeBotApi } from './adapters/telegram/support/fake-bot-api.js';
import { sample } from './ops/prometheus.js';
import { bundleMain, ROOT, startMain, type BundledMain } from './support/bundled-main.js';

let main: BundledMain | undefined;
beforeAll(async () => {
  main = await bundleMain('main');
}, 120_000);
afterAll(() => main?.remove());

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('main with platform tokens', () => {
  it('runs Telegram and Discord side by side on one engine, and stops cleanly on SIGTERM', async () => {
    const telegram = await FakeBotApi.start();
    const discord = await FakeDiscord.start();
    try {
      const bot = startMain(main!.file, {
        DATABASE_URL: 'memory:',
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        DISCORD_TOKEN: 'fake.discord.token',
        DISCORD_API_BASE: discord.api,
      });
      await bot.waitForStderr('"msg":"studybot is running"');
      expect(bot.stderr()).toMatch(/"adapters":\["telegram","discord"\]|"adapters":\["discord","telegram"\]/);
      expect(bot.stdout()).toBe(''); // no terminal session when a platform is configured

      const chat = { id: 4242, type: 'private' as const, first_name: 'Ann' };
      const from = { id: 4242, is_bot: false, first_name: 'Ann' };
      telegram.pushUpdate(telegram.message({ chat, from, text: '/quiz cnn' }));
      const sent = await until(() => telegram.sentTo(chat.id)[0], 'a Telegram question');
      expect(sent.text.length).toBeGreaterThan(20);

      const user = { id: '300000000000000001', username: 'ann' };
      const interaction = discord.slash({ user, where: discord.inGuild(), name: 'topics' });
      const answered = await discord.waitForResponse(interaction);
      expect(answered.refused).toEqual([]);

      bot.child.kill('SIGTERM');
      expect(await bot.exited()).toBe(0);
      expect(bot.stderr()).toContain('"msg":"shutting down"');
      expect(bot.stderr()).not.toContain('"level":"error"');
    } finally {
      await telegram.close();
      await discord.stop();
    }
  });

  it('exits 1 with a logged cause when a platform cannot start (a rejected token)', async () => {
    const telegram = await FakeBotApi.start();
    try {
      const bot = startMain(main!.file, {
        DATABASE_URL: 'memory:',
        TELEGRAM_BOT_TOKEN: '999:wrong-token',
        TELEGRAM_API_ROOT: telegram.apiRoot,
      });
      bot.child.stdin.end();
      expect(await bot.exited()).toBe(1);
      expect(bot.stderr()).toContain('"msg":"studybot failed"');
    } finally {
      await telegram.close();
    }
  });
});

/** The URL logged in a `msg` line of main's stderr. */
function loggedUrl(stderr: string, msg: string): string {
  for (const line of stderr.split('\n')) {
    if (!line.includes(`"msg":"${msg}"`)) continue;
    const url = (JSON.parse(line) as { url?: unknown }).url;
    if (typeof url === 'string') return url;
  }
  throw new Error(`no "${msg}" line with a url on stderr:\n${stderr}`);
}

describe('main operations', () => {
  it('serves /healthz and /metrics, with Discord in HTTP interactions mode counting an answer and a 429', async () => {
    const discord = await FakeDiscord.start();
    try {
      const bot = startMain(main!.file, {
        DATABASE_URL: 'memory:',
        DISCORD_TOKEN: 'fake.discord.token',
        DISCORD_API_BASE: discord.api,
        DISCORD_PUBLIC_KEY: discord.keys.publicKeyHex,
        DISCORD_INTERACTIONS_PORT: '0',
        DISCORD_INTERACTIONS_HOST: '127.0.0.1',
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
      });
      await bot.waitForStderr('"msg":"studybot is running"');
      const ops = loggedUrl(bot.stderr(), 'health and metrics listening');
      discord.deliverOverHttp(loggedUrl(bot.stderr(), 'discord: interactions endpoint listening'));

      const health = await fetch(`${ops}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true, database: 'ok', platforms: { discord: 'connected' } });

      const ann = member('Ann');
      const where = discord.inGuild();
      const quiz = discord.slash({ user: ann, where, name: 'quiz', options: { topic: 'conv-params' } });
      const posted = await discord.waitFor(() => quiz.original, 'the question');
      const click = discord.click({ user: ann, where, message: posted, customId: buttonsOf(posted).Answer! });
      const modal = await discord.waitFor(() => click.callbacks[0]?.data, 'the answer modal');
      discord.rateLimitNext((call) => call.path.endsWith('/callback'));
      const submit = discord.submitModal({
        user: ann,
        where,
        customId: modal.custom_id as string,
        values: fieldsFor(rightAnswersFor(posted)),
      });
      await discord.waitFor(() => submit.original, 'the feedback');
      expect(discord.rateLimited).toHaveLength(1);

      const metrics = await (await fetch(`${ops}/metrics`)).text();
      expect(sample(metrics, 'studybot_answers_total{platform="discord",outcome="correct"}')).toBe(1);
      expect(sample(metrics, 'studybot_answer_duration_seconds_count{platform="discord"}')).toBe(1);
      expect(sample(metrics, 'studybot_platform_rate_limited_total{platform="discord"}')).toBe(1);

      bot.child.kill('SIGTERM');
      expect(await bot.exited()).toBe(0);
      expect(bot.stderr()).not.toContain('"level":"error"');
    } finally {
      await discord.stop();
    }
  });

  it('names the cause when Discord rejects the token, without printing the token', async () => {
    const discord = await FakeDiscord.start();
    discord.rejectToken = true;
    try {
      const token = 'MTIzNDU2.revoked.token-value';
      const bot = startMain(main!.file, {
        DATABASE_URL: 'memory:',
        DISCORD_TOKEN: token,
        DISCORD_API_BASE: discord.api,
      });
      expect(await bot.exited()).toBe(1);
      expect(bot.stderr()).toContain('"msg":"discord could not start"');
      expect(bot.stderr()).toContain('Discord rejected the bot token (DISCORD_TOKEN)');
      expect(bot.stderr()).toContain('"msg":"studybot failed"');
      expect(bot.stderr()).not.toContain(token);
    } finally {
      await discord.stop();
    }
  });

  it('with no token and stdin not a terminal, says it needs a token or -it and exits 1', async () => {
    const bot = startMain(main!.file, { DATABASE_URL: 'memory:' });
    bot.child.stdin.end();
    expect(await bot.exited()).toBe(1);
    expect(bot.stderr()).toContain('studybot needs a token or a terminal');
    expect(bot.stderr()).toContain('docker run -it');
    expect(bot.stdout()).toBe('');
  });

  it('explains a data folder it cannot write, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'studybot-readonly-'));
    const data = join(dir, 'data');
    mkdirSync(data);
    chmodSync(data, 0o555);
    chmodSync(dir, 0o755);
    try {
      // As root every folder is writable: run the bot as nobody then, like the image's unprivileged user.
      const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const child = spawn(process.execPath, [main!.file], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          DATABASE_URL: `file:${join(data, 'bot.db')}`,
          TELEGRAM_BOT_TOKEN: '1:x',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        ...asNobody,
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`the data folder ${data} is not writable by uid`);
      expect(stderr).toContain('-v studybot-data:/app/data');
      expect(stderr).not.toContain('SQLITE_CANTOPEN');
    } finally {
      chmodSync(data, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
