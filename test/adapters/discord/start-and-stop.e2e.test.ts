/**
 * Bounded start and stop: a rejected token, a Discord that refuses connections or hangs, and a gateway that never
 * gets ready each make startDiscord reject with a DiscordStartError naming the cause (never the token); stop()
 * returns while a request to Discord is still hanging.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordStartError, startDiscord } from '../../../src/adapters/discord/index.js';
import { createEngine } from '../../../src/engine/create-engine.js';
import { createLogger } from '../../../src/logger.js';
import { createStore } from '../../../src/store/create-store.js';
import { FakeDiscord } from './fake-discord.js';
import { member, startBot, type Bot } from './harness.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-part.of-the-token';

let fake: FakeDiscord | undefined;
let bot: Bot | undefined;
afterEach(async () => {
  await bot?.stop();
  await fake?.stop();
  bot = undefined;
  fake = undefined;
});

async function attempt(apiBase: string, extra: { startTimeoutMs?: number; timeoutMs?: number } = {}) {
  const lines: string[] = [];
  const store = await createStore({ databaseUrl: 'memory:' });
  try {
    const error = await startDiscord({
      config: { token: TOKEN, apiBase },
      engine: createEngine({ store }),
      logger: createLogger({ level: 'debug', write: (l) => lines.push(l) }),
      ...(extra.startTimeoutMs !== undefined ? { startTimeoutMs: extra.startTimeoutMs } : {}),
      rest: { timeoutMs: extra.timeoutMs ?? 1000, retries: 1 },
    }).then(
      async (handle) => {
        await handle.stop();
        return undefined;
      },
      (e: unknown) => e,
    );
    return { error, lines };
  } finally {
    await store.close();
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('starting the Discord adapter', () => {
  it('rejects a revoked token with a token-rejected error that names DISCORD_TOKEN', async () => {
    fake = await FakeDiscord.start();
    fake.rejectToken = true;
    const { error, lines } = await attempt(fake.api);
    expect(error).toBeInstanceOf(DiscordStartError);
    expect(error).toMatchObject({ failure: 'token-rejected' });
    expect((error as Error).message).toContain('DISCORD_TOKEN');
    expect((error as Error).message).not.toContain(TOKEN);
    expect(lines.join('')).not.toContain(TOKEN);
  });

  it('rejects when nothing listens at the API address', async () => {
    const { error } = await attempt(`http://127.0.0.1:${await closedPort()}/api`);
    expect(error).toMatchObject({ failure: 'unreachable' });
    expect((error as Error).message).toMatch(/could not connect to Discord/);
  });

  it('rejects when the API accepts but never answers, after the bounded REST retries', async () => {
    fake = await FakeDiscord.start();
    fake.hold((call) => call.path === '/gateway/bot');
    const { error } = await attempt(fake.api, { timeoutMs: 150 });
    expect(error).toMatchObject({ failure: 'unreachable' });
    // One try and one retry: the retries are counted, not endless.
    expect(fake.calls.filter((c) => c.path === '/gateway/bot')).toHaveLength(2);
  });

  it('rejects with a timeout when the login does not finish in time', async () => {
    fake = await FakeDiscord.start();
    fake.hold((call) => call.path === '/gateway/bot');
    const { error } = await attempt(fake.api, { startTimeoutMs: 200, timeoutMs: 10_000 });
    expect(error).toMatchObject({ failure: 'timeout' });
    expect((error as Error).message).toMatch(/did not finish connecting within/);
  });
});

describe('stopping the Discord adapter', () => {
  it.each(['gateway', 'http'] as const)(
    'returns in %s mode while an answer to Discord hangs',
    async (mode) => {
      bot = await startBot({ mode, drainMs: 100 });
      const { fake } = bot;
      fake.hold((call) => call.path.endsWith('/callback'));
      const rec = fake.slash({ user: member('Ann'), where: fake.inGuild(0, 0), name: 'help' });
      await fake.waitFor(() => fake.heldCalls.length > 0, 'the bot to call back');
      await bot.discord.stop();
      // The callback is still unanswered: stop() did not wait for it.
      expect(fake.heldCalls.map((c) => c.path)).toEqual([`/interactions/${rec.id}/${rec.token}/callback`]);
      expect(bot.logs.some((l) => l.msg === 'discord: stopped with interactions still in flight')).toBe(true);
    },
  );
});
