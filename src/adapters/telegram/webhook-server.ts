/**
 * A small node:http server for webhook mode. It accepts POSTs on one path carrying Telegram's secret token header,
 * hands each update to the bot, and always answers 200 once the update is handled or after `answerWithinMs`,
 * whichever comes first, even when the handler throws: a non-200 answer would make Telegram redeliver the same
 * update again and again. Redelivery is still possible (a lost response); handlers are idempotent for that.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import type { Logger } from './config.js';

/** Telegram updates are a few kilobytes; anything far larger is not from Telegram. */
const MAX_BODY_BYTES = 1 << 20;

export interface WebhookServerOptions {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly secretToken: string;
  readonly answerWithinMs: number;
  readonly logger: Logger;
  /** Handles one update; should not reject, but a rejection is logged and still answered 200. */
  readonly handle: (update: Update) => Promise<void>;
}

export interface WebhookServer {
  readonly port: number;
  /** Stops accepting requests and waits for the updates in progress. */
  close(): Promise<void>;
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseUpdate(body: Buffer): Update | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const id = (value as { update_id?: unknown }).update_id;
    return typeof id === 'number' && Number.isInteger(id) ? (value as Update) : undefined;
  } catch {
    return undefined;
  }
}

function answer(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain', 'content-length': '0' });
  res.end();
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const inFlight = new Set<Promise<void>>();

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== options.path) return answer(res, 404);
    if (req.method !== 'POST') return answer(res, 405);
    if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], options.secretToken)) {
      options.logger.warn('webhook request with a wrong secret token refused');
      return answer(res, 401);
    }
    const body = await readBody(req);
    if (body === 'too-large') return answer(res, 413);
    const update = parseUpdate(body);
    if (!update) return answer(res, 400);

    const task = options.handle(update).catch((error: unknown) => {
      options.logger.error('webhook handler rejected', {
        updateId: update.update_id,
        message: error instanceof Error ? error.message : String(error),
      });
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), options.answerWithinMs);
    });
    const first = await Promise.race([task.then(() => 'done' as const), late]);
    clearTimeout(timer);
    if (first === 'late') {
      options.logger.warn('update still running, answered the webhook early', {
        updateId: update.update_id,
      });
    }
    answer(res, 200);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      options.logger.error('webhook request failed', {
        message: error instanceof Error ? error.message : String(error),
      });
      answer(res, 500);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all(inFlight);
      server.closeAllConnections();
      await closed;
    },
  };
}
