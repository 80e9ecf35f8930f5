/**
 * The webhook server on its own: the secret token checked before the body is read, 200 only once the update is
 * handled, 5xx otherwise (Telegram then delivers again), and every limit: body size, header and body timeouts,
 * the connection cap, the handling deadline.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startWebhookServer,
  type WebhookLimits,
  type WebhookServer,
} from '../../../src/adapters/telegram/webhook-server.js';
import { createLogger } from '../../../src/logger.js';
import { postJson } from './support/fake-bot-api.js';

const SECRET = 'webhook-secret_1';

/** Resolves with the status as soon as a response arrives (a refused upload may then fail to finish writing). */
function raw(
  url: string,
  method: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    let status: number | undefined;
    const req = request(url, { method, headers }, (res) => {
      status = res.statusCode ?? 0;
      resolve(status);
      res.resume();
    });
    req.on('error', (error) => (status === undefined ? reject(error) : undefined));
    req.end(body);
  });
}

function closed(socket: Socket, withinMs: number): Promise<'closed' | 'open'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('open'), withinMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve('closed');
    });
  });
}

function opened(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
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
    await server?.close(0);
    server = undefined;
    logs.length = 0;
  });

  async function start(
    handle: (u: Update) => Promise<void>,
    limits: Partial<WebhookLimits> = {},
  ): Promise<string> {
    server = await startWebhookServer({
      host: '127.0.0.1',
      port: 0,
      path: '/hook',
      secretToken: SECRET,
      limits,
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

  it('refuses a 50 MB body with a wrong secret (401, connection closed) without reading it', async () => {
    const url = await start(() => Promise.resolve());
    const total = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const outcome = await new Promise<{ status: number; written: number }>((resolve) => {
      let written = 0;
      let status = 0;
      const req = request(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(total),
          'x-telegram-bot-api-secret-token': 'wrong-secret',
        },
      });
      req.on('response', (res) => {
        status = res.statusCode ?? 0;
        res.resume();
      });
      const finish = (): void => resolve({ status, written });
      req.on('close', finish);
      req.on('error', () => undefined);
      const pump = (): void => {
        while (written < total && !req.destroyed) {
          written += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (written >= total) req.end();
      };
      pump();
    });
    expect(outcome.status).toBe(401);
    // Only what the socket buffers took before the server closed the connection, not the 50 MB.
    expect(outcome.written).toBeLessThan(total / 4);
  });

  it('answers 200 only once a slow handler has finished', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let finished = false;
    const url = await start(async () => {
      await gate;
      finished = true;
    });
    let answered = false;
    const posted = postJson(url, { update_id: 3 }, SECRET).then((status) => {
      answered = true;
      return status;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(false);
    release();
    expect(await posted).toBe(200);
    expect(finished).toBe(true);
  });

  it('answers 500 when the handler rejects, and 503 past the handling deadline, so Telegram retries', async () => {
    const url = await start(
      (u) => (u.update_id === 9 ? Promise.reject(new Error('kaboom')) : new Promise<void>(() => undefined)),
      { handleTimeoutMs: 100 },
    );
    expect(await postJson(url, { update_id: 9 }, SECRET)).toBe(500);
    expect(logs.some((l) => l.level === 'error' && l.msg === 'webhook handler rejected')).toBe(true);
    expect(await postJson(url, { update_id: 10 }, SECRET)).toBe(503);
  });

  it('closes connections whose headers or body arrive too slowly', async () => {
    await start(() => Promise.resolve(), { headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const port = server!.port;
    const slowHeaders = await opened(port);
    slowHeaders.write('POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const slowBody = await opened(port);
    slowBody.write(
      `POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nx-telegram-bot-api-secret-token: ${SECRET}\r\ncontent-length: 1000\r\n\r\n{"update_id":`,
    );
    slowHeaders.on('data', () => undefined);
    slowBody.on('data', () => undefined);
    expect(await Promise.all([closed(slowHeaders, 3000), closed(slowBody, 3000)])).toEqual([
      'closed',
      'closed',
    ]);
  });

  it('caps the number of open connections', async () => {
    await start(() => Promise.resolve(), { maxConnections: 2 });
    const port = server!.port;
    const first = await opened(port);
    const second = await opened(port);
    const third = await opened(port);
    expect(await closed(third, 2000)).toBe('closed');
    expect(first.destroyed || second.destroyed).toBe(false);
    first.destroy();
    second.destroy();
  });

  it('close() waits for updates in progress, up to the grace period', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let finished = false;
    const url = await start(async () => {
      await gate;
      finished = true;
    });
    const posted = postJson(url, { update_id: 4 }, SECRET);
    await new Promise((r) => setTimeout(r, 50));
    const closing = server!.close(5000);
    release();
    await closing;
    server = undefined;
    expect(finished).toBe(true);
    expect(await posted).toBe(200);
  });
});
