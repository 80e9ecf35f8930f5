/**
 * A small node:http server for webhook mode. It accepts POSTs on one path carrying Telegram's secret token header
 * and answers 200 only once the update has been handled: the answer recorded and the reply sent, or a failure the
 * error boundary handled (the student was told). Anything that did not complete gets a 5xx so Telegram delivers
 * it again (the engine's event ids make the redelivery safe). Everything is bounded: header and body timeouts, a
 * connection cap, a body limit checked before reading, a handling deadline; a request with a wrong secret is
 * refused (401, connection closed) before its body is read.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import { abortablePause } from './abortable-pause.js';
import type { Logger } from '../../logger.js';

export interface WebhookLimits {
  /** Telegram updates are a few kilobytes; anything far larger is not from Telegram (default 1 MiB). */
  readonly maxBodyBytes: number;
  /** Time to receive the request headers (default 10 s). */
  readonly headersTimeoutMs: number;
  /** Time to receive the whole request, body included (default 15 s). */
  readonly requestTimeoutMs: number;
  /** Open connections at most; Telegram opens up to setWebhook's max_connections (default 100). */
  readonly maxConnections: number;
  /** A handler still running after this gets a 503 (Telegram retries later); default 50 s. */
  readonly handleTimeoutMs: number;
}

export const DEFAULT_WEBHOOK_LIMITS: WebhookLimits = {
  maxBodyBytes: 1 << 20,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  maxConnections: 100,
  handleTimeoutMs: 50_000,
};

export interface WebhookServerOptions {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly secretToken: string;
  readonly limits?: Partial<WebhookLimits>;
  readonly logger: Logger;
  /** Handles one update; resolves once it is handled (the error boundary included), rejects otherwise. */
  readonly handle: (update: Update) => Promise<void>;
}

export interface WebhookServer {
  readonly port: number;
  /** Updates being handled right now. */
  readonly pending: number;
  /**
   * Stops accepting requests and waits up to `graceMs` for the updates in progress; then closes every connection
   * (the caller aborts what still runs).
   */
  close(graceMs?: number): Promise<void>;
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseUpdate(body: Buffer): Update | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value !== 'object' || value === null || !('update_id' in value)) return undefined;
    const id = value.update_id;
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

/** Answers and closes the connection without reading what is left of the body. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  if (!res.headersSent) {
    res.writeHead(status, { 'content-type': 'text/plain', 'content-length': '0', connection: 'close' });
  }
  res.end(() => req.socket.destroy());
}

export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const limits: WebhookLimits = { ...DEFAULT_WEBHOOK_LIMITS, ...options.limits };
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== options.path) return refuse(req, res, 404);
    if (req.method !== 'POST') return refuse(req, res, 405);
    if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], options.secretToken)) {
      options.logger.warn('webhook request with a wrong secret token refused');
      return refuse(req, res, 401);
    }
    if (closing) return refuse(req, res, 503);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limits.maxBodyBytes) return refuse(req, res, 413);
    const body = await readBody(req, limits.maxBodyBytes);
    if (body === 'too-large') return refuse(req, res, 413);
    const update = parseUpdate(body);
    if (!update) return answer(res, 400);

    const deadline = new AbortController();
    const task = options.handle(update).then(
      () => 'handled' as const,
      (error: unknown) => {
        options.logger.error('webhook handler rejected', {
          updateId: update.update_id,
          error: error instanceof Error ? error : String(error),
        });
        return 'failed' as const;
      },
    );
    inFlight.add(task);
    void task.finally(() => {
      inFlight.delete(task);
      deadline.abort();
    });
    const late = abortablePause(limits.handleTimeoutMs, deadline.signal).then(() => 'late' as const);
    const first = await Promise.race([task, late]);
    if (first === 'late') {
      options.logger.warn('update still not handled at the deadline: answered 503 so Telegram retries', {
        updateId: update.update_id,
      });
    }
    answer(res, first === 'handled' ? 200 : first === 'late' ? 503 : 500);
  }

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks those timeouts on this interval (30 s by default, which would hold slow clients longer).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (req, res) => {
      onRequest(req, res).catch((error: unknown) => {
        options.logger.error('webhook request failed', {
          error: error instanceof Error ? error : String(error),
        });
        refuse(req, res, 500);
      });
    },
  );
  server.maxConnections = limits.maxConnections;
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
    get pending() {
      return inFlight.size;
    },
    async close(graceMs = 2000) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const stop = new AbortController();
      await Promise.race([Promise.allSettled([...inFlight]), abortablePause(graceMs, stop.signal)]);
      stop.abort();
      server.closeAllConnections();
      await closed;
    },
  };
}
