/**
 * The full bot in HTTP interactions mode (the quiz and command suites run in this mode too): PING is answered
 * with PONG, a forged interaction is refused with 401 before the engine sees it, and an interaction that was
 * answered through the callback endpoint gets 202 with no body.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/api.js';
import { interactionKeys, signInteraction } from './fake-discord.js';
import { answered, member, startBot, textOf, type Bot } from './harness.js';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

function counting(calls: string[]): (engine: Engine) => Engine {
  return (engine) =>
    new Proxy(engine, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(key));
          return Reflect.apply(value, target, args);
        };
      },
    });
}

async function postTo(
  url: string,
  body: string,
  key = interactionKeys().privateKey,
): Promise<{ status: number; text: string }> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-signature-ed25519': signInteraction(key, timestamp, body),
      'x-signature-timestamp': timestamp,
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe('HTTP interactions mode', () => {
  it('answers PING with PONG (the check Discord makes when the endpoint URL is saved)', async () => {
    bot = await startBot({ mode: 'http' });
    const url = bot.discord.url!;
    expect(
      await postTo(url, JSON.stringify({ id: '1', type: 1, application_id: '2' }), bot.fake.keys.privateKey),
    ).toEqual({
      status: 200,
      text: '{"type":1}',
    });
  });

  it('refuses an interaction signed with another key with 401, before any work', async () => {
    const calls: string[] = [];
    bot = await startBot({ mode: 'http', engine: counting(calls) });
    const url = bot.discord.url!;
    const user = member('Mallory');
    const forged = {
      id: '123456789012345678',
      application_id: bot.fake.applicationId,
      type: 2,
      token: 'tok',
      channel_id: '1',
      user: { id: user.id, username: user.username },
      data: { id: '1', name: 'quiz', type: 1, options: [] },
    };
    expect((await postTo(url, JSON.stringify(forged))).status).toBe(401);
    expect(calls).toEqual([]);
    expect(bot.fake.calls.filter((c) => c.path.startsWith('/interactions/'))).toEqual([]);
  });

  it('answers 202 once the response went through the callback endpoint', async () => {
    bot = await startBot({ mode: 'http' });
    const rec = bot.fake.slash({
      user: member('Ann'),
      where: { dmChannelId: '99887766554433221' },
      name: 'topics',
    });
    expect(textOf(await answered(bot, rec))).toContain('cnn');
    await bot.fake.waitFor(() => rec.posts.length > 0, 'the POST to be answered');
    expect(rec.posts).toEqual([{ status: 202, body: '' }]);
    expect(rec.callbacks.map((c) => c.type)).toEqual([4]);
  });

  it('answers 400 to an interaction type the bot does not handle (a select menu)', async () => {
    bot = await startBot({ mode: 'http' });
    const body = {
      id: '123456789012345678',
      application_id: bot.fake.applicationId,
      type: 3,
      token: 'tok',
      channel_id: '1',
      user: { id: '5', username: 'ann' },
      data: { custom_id: 'menu', component_type: 3, values: ['a'] },
    };
    expect((await postTo(bot.discord.url!, JSON.stringify(body), bot.fake.keys.privateKey)).status).toBe(400);
  });
});
