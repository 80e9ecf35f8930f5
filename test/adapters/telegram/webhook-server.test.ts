/**
 * The webhook server on its own: the secret token check, what it refuses, and that it always answers Telegram
 * (200 even when the handler throws, and after `answerWithinMs` even when the handler is still running).
 */
import { request } from 'node:http';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookServer, type WebhookServer } from '../../../src/adapters/telegram/webhook-server.js';
import { createLogger } from '../../../src/logger.js';
import { postJson } from './support/fake-bot-api.js';

const SECRET = 'webhook-secret_1';

function raw(
  url: string,
  method: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('startWebhookServer', () => {
  let server: WebhookServer | undefined;
  const logs: { level: string; msg: string }[] = [];
  const logger = createLogger({
    level: 'debug',
    write: (l) => logs.push(JSON.parse(l) as { level: string; msg: string }),
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    logs.length = 0;
  });

  async function start(handle: (u: Update) => Promise<void>, answerWithinMs = 5000): Promise<string> {
    server = await startWebhookServer({
      host: '127.0.0.1',
      port: 0,
      path: '/hook',
      secretToken: SECRET,
      answerWithinMs,
      logger,
      handle,
    });
    return `http://127.0.0.1:${server.port}/hook`;
  }

  it('hands a valid update to the handler and answers 200 after it', async () => {
    const seen: number[] = [];
    const url = await start((u) => {
      seen.push(u.update_id);
      return Promise.resolve();
    });
    expect(await postJson(url, { update_id: 5, message: { text: 'x' } }, SECRET)).toBe(200);
    expect(seen).toEqual([5]);
  });

  it('refuses a missing or wrong secret token, other paths and methods, and bodies that are not updates', async () => {
    const seen: number[] = [];
    const url = await start((u) => {
      seen.push(u.update_id);
      return Promise.resolve();
    });
    expect(await postJson(url, { update_id: 1 })).toBe(401);
    expect(await postJson(url, { update_id: 1 }, 'webhook-secret_2')).toBe(401);
    expect(await postJson(url, { update_id: 1 }, SECRET.slice(0, -1))).toBe(401);
    expect(await postJson(url.replace('/hook', '/other'), { update_id: 1 }, SECRET)).toBe(404);
    expect(await raw(url, 'GET', '', { 'x-telegram-bot-api-secret-token': SECRET })).toBe(405);
    expect(await raw(url, 'POST', '{not json', { 'x-telegram-bot-api-secret-token': SECRET })).toBe(400);
    expect(await postJson(url, { hello: 'world' }, SECRET)).toBe(400);
    expect(await postJson(url, { update_id: 'one' }, SECRET)).toBe(400);
    expect(
      await raw(url, 'POST', `{"update_id":1,"x":"${'a'.repeat(1_100_000)}"}`, {
        'x-telegram-bot-api-secret-token': SECRET,
      }),
    ).toBe(413);
    expect(seen).toEqual([]);
    expect(logs.some((l) => l.level === 'warn' && l.msg.includes('wrong secret token'))).toBe(true);
  });

  it('answers 200 even when the handler rejects, and logs it', async () => {
    const url = await start(() => Promise.reject(new Error('kaboom')));
    expect(await postJson(url, { update_id: 9 }, SECRET)).toBe(200);
    expect(logs.some((l) => l.level === 'error' && l.msg === 'webhook handler rejected')).toBe(true);
  });

  it('answers 200 after answerWithinMs while a slow handler keeps running, and close() waits for it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let finished = false;
    const url = await start(async () => {
      await gate;
      finished = true;
    }, 30);
    expect(await postJson(url, { update_id: 3 }, SECRET)).toBe(200);
    expect(finished).toBe(false);
    const closing = server!.close();
    release();
    await closing;
    server = undefined;
    expect(finished).toBe(true);
  });
});
