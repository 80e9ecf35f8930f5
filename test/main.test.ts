/**
 * `npm start` with platform tokens: main starts every configured platform side by side (here against the fake
 * Telegram Bot API and the fake Discord the adapter tests use), serves both, and shuts down cleanly on SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './adapters/discord/fake-discord.js';
import { FakeBotApi } from './adapters/telegram/support/fake-bot-api.js';
import { bundleMain, startMain, type BundledMain } from './support/bundled-main.js';

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
