/**
 * The HTTP interactions endpoint (scale-out mode: Discord posts each interaction to one instance behind a load
 * balancer, instead of every process of a shard receiving it over the gateway). Every request is bounded before
 * any work: a request without signature headers, or with a stale timestamp, is refused with 401 before its body
 * is read; a declared or actual body over `maxBodyBytes` gets 413; a body not received within `bodyTimeoutMs`
 * gets 408; slow headers are cut by `headersTimeoutMs`; at most `maxConnections` sockets are open. Only then is
 * the Ed25519 signature verified (401 when wrong) and the JSON read.
 *
 * The interaction is answered through the callback endpoint (the same REST calls as in gateway mode); as Discord
 * asks in that case, the POST itself is answered 202 with no body once that first response has been sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { Logger } from '../../../logger.js';
import { signatureHeadersValid, verifySignature } from './verify-signature.js';

export interface InteractionsServerLimits {
  /** Default 64 KiB: interactions are a few KiB; a modal with five long answers stays far below. */
  readonly maxBodyBytes?: number;
  /** Default 5000 ms for the whole body once the headers are in. */
  readonly bodyTimeoutMs?: number;
  /** Default 5000 ms for the request headers. */
  readonly headersTimeoutMs?: number;
  /** Default 512 open sockets. */
  readonly maxConnections?: number;
  /** Refuse timestamps further than this from now (replayed requests). Default 300 s. */
  readonly maxClockSkewSeconds?: number;
}

/** What to answer once the request is verified: a JSON body (PING, a refusal) or an empty 202. */
export type Reply = { readonly status: number; readonly json?: unknown };

export interface InteractionsServerOptions extends InteractionsServerLimits {
  readonly key: KeyObject;
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly logger: Logger;
  /** A verified body, parsed: resolves with the answer to the POST. */
  readonly onBody: (json: unknown) => Promise<Reply>;
  readonly now?: () => number;
}

export interface InteractionsServer {
  readonly url: string;
  readonly listening: () => boolean;
  close(): Promise<void>;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Answers and closes the connection without reading what is left of the body. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    req.destroy();
    return;
  }
  const text = JSON.stringify({ message });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    connection: 'close',
  });
  res.end(text, () => req.destroy());
}

function readBody(
  req: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
): Promise<Buffer | 'too-large' | 'timeout' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Buffer | 'too-large' | 'timeout' | 'aborted'): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onClose);
      resolve(result);
    };
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) done('too-large');
      else chunks.push(chunk);
    };
    const onEnd = (): void => done(Buffer.concat(chunks));
    const onAbort = (): void => done('aborted');
    const onClose = (): void => {
      if (!req.complete) done('aborted');
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onClose);
  });
}

export async function startInteractionsServer(
  options: InteractionsServerOptions,
): Promise<InteractionsServer> {
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 5000;
  const maxSkew = options.maxClockSkewSeconds ?? 300;
  const now = options.now ?? Date.now;
  const { logger } = options;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== options.path) return refuse(req, res, 404, 'not found');
    if (req.method !== 'POST') return refuse(req, res, 405, 'POST only');
    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    if (!signatureHeadersValid(signature, timestamp) || signature === undefined || timestamp === undefined) {
      return refuse(req, res, 401, 'invalid request signature');
    }
    if (Math.abs(now() / 1000 - Number(timestamp)) > maxSkew) {
      return refuse(req, res, 401, 'invalid request signature');
    }
    const declared = Number(header(req, 'content-length') ?? '0');
    if (declared > maxBodyBytes) return refuse(req, res, 413, 'body too large');

    const body = await readBody(req, maxBodyBytes, bodyTimeoutMs);
    if (body === 'aborted') return;
    if (body === 'too-large') return refuse(req, res, 413, 'body too large');
    if (body === 'timeout') return refuse(req, res, 408, 'body not received in time');
    if (!verifySignature({ key: options.key, signature, timestamp, body })) {
      logger.warn('discord: interactions endpoint refused a bad signature');
      return refuse(req, res, 401, 'invalid request signature');
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(req, res, 400, 'body is not JSON');
    }
    const reply = await options.onBody(json);
    if (reply.json === undefined) {
      res.writeHead(reply.status);
      res.end();
      return;
    }
    const text = JSON.stringify(reply.json);
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  const headersTimeoutMs = options.headersTimeoutMs ?? 5000;
  // Node checks the header and request timeouts every `connectionsCheckingInterval` (30 s by default), which would
  // let slow headers hang on for half a minute whatever headersTimeout says.
  const server: Server = createServer(
    { connectionsCheckingInterval: Math.min(1000, headersTimeoutMs) },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        logger.error('discord: interactions endpoint failed', { error });
        refuse(req, res, 500, 'internal error');
      });
    },
  );
  server.headersTimeout = headersTimeoutMs;
  server.requestTimeout = bodyTimeoutMs + server.headersTimeout + 5000;
  server.keepAliveTimeout = 5000;
  server.maxConnections = options.maxConnections ?? 512;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the interactions endpoint has no TCP address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${options.path}`,
    listening: () => server.listening,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Requests still open after the drain get cut: stop() must finish within seconds.
      const timer = setTimeout(() => server.closeAllConnections(), 1000);
      await closed;
      clearTimeout(timer);
    },
  };
}
