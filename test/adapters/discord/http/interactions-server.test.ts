/**
 * The interactions endpoint's guards, on a real server on 127.0.0.1 with Ed25519 keys generated here: a request
 * is refused before its body is read when its signature headers are missing or stale or its declared body is too
 * big; a wrong signature is refused after reading and before any work; slow headers and slow bodies are cut; the
 * connection cap holds.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { publicKeyFromHex } from '../../../../src/adapters/discord/http/verify-signature.js';
import {
  startInteractionsServer,
  type InteractionsServer,
  type InteractionsServerLimits,
} from '../../../../src/adapters/discord/http/interactions-server.js';
import { silentLogger } from '../../../../src/logger.js';
import { interactionKeys, signInteraction } from '../fake-discord.js';

const keys = interactionKeys();
let server: InteractionsServer | undefined;
let bodies: unknown[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server?.close();
  server = undefined;
  bodies = [];
});

async function start(limits: InteractionsServerLimits = {}): Promise<URL> {
  server = await startInteractionsServer({
    key: publicKeyFromHex(keys.publicKeyHex),
    host: '127.0.0.1',
    port: 0,
    path: '/discord/interactions',
    logger: silentLogger,
    onBody: (json) => {
      bodies.push(json);
      return Promise.resolve({ status: 200, json: { type: 1 } });
    },
    ...limits,
  });
  return new URL(server.url);
}

function now(): string {
  return String(Math.floor(Date.now() / 1000));
}

function signed(body: string, timestamp = now(), key = keys.privateKey): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': signInteraction(key, timestamp, body),
    'x-signature-timestamp': timestamp,
  };
}

async function post(
  url: URL,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

/**
 * Sends only the request headers (declaring `contentLength` bytes) and never the body: resolves with the status if
 * the server answers anyway.
 */
function headersOnly(url: URL, headers: Record<string, string>, contentLength: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(contentLength) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

/** A raw socket, closed by the test's afterEach. */
function open(url: URL): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
    sockets.push(socket);
  });
}

/** Everything the server writes to a socket until it closes it. */
function untilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('close', () => resolve(text));
  });
}

describe('the interactions endpoint', () => {
  it('takes a correctly signed body and passes it on, parsed', async () => {
    const url = await start();
    const body = JSON.stringify({ type: 1 });
    expect(await post(url, body, signed(body))).toEqual({ status: 200, text: '{"type":1}' });
    expect(bodies).toEqual([{ type: 1 }]);
  });

  it('refuses a wrong signature, another key, an altered body or timestamp with 401, doing no work', async () => {
    const url = await start();
    const body = JSON.stringify({ type: 1 });
    const other = interactionKeys();
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    const cases: Record<string, string>[] = [
      signed(body, now(), other.privateKey),
      { ...signed(body), 'x-signature-timestamp': String(Number(now()) + 1) },
      signed(body, stale),
      { 'content-type': 'application/json' },
      { ...signed(body), 'x-signature-ed25519': 'not hex' },
    ];
    for (const headers of cases) expect((await post(url, body, headers)).status).toBe(401);
    expect((await post(url, JSON.stringify({ type: 2 }), signed(body))).status).toBe(401);
    expect(bodies).toEqual([]);
  });

  it('answers 401 to a request without a signature before its body is sent', async () => {
    const url = await start();
    expect(await headersOnly(url, { 'content-type': 'application/json' }, 200 * 1024 * 1024)).toBe(401);
  });

  it('answers 413 to a body declared too large before it is sent, and to one that grows too large', async () => {
    const url = await start({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ type: 1, pad: 'x'.repeat(2000) });
    expect(await headersOnly(url, signed(big), Buffer.byteLength(big))).toBe(413);
    // Chunked: no declared length, the server counts.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: signed(big) });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(big.slice(0, 800));
      req.write(big.slice(800));
    });
    expect(status).toBe(413);
    expect(bodies).toEqual([]);
  });

  it('cuts a body that does not arrive in time (408) and headers that do not', async () => {
    const url = await start({ bodyTimeoutMs: 200, headersTimeoutMs: 300 });
    const body = JSON.stringify({ type: 1 });
    expect(await headersOnly(url, signed(body), Buffer.byteLength(body))).toBe(408);

    const slow = await open(url);
    const closed = untilClosed(slow);
    slow.write(`POST ${url.pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Signature-Timestamp: ${now()}\r\n`);
    expect(await closed).toMatch(/^HTTP\/1\.1 408|^$/);
    expect(bodies).toEqual([]);
  });

  it('holds at most maxConnections sockets', async () => {
    const url = await start({ maxConnections: 2 });
    await open(url);
    await open(url);
    const third = await open(url);
    const closed = untilClosed(third);
    third.write(`GET ${url.pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    expect(await closed).toBe('');
  });

  it('answers 404 off its path and 405 to other methods', async () => {
    const url = await start();
    expect((await fetch(new URL('/other', url), { method: 'POST' })).status).toBe(404);
    expect((await fetch(url)).status).toBe(405);
  });

  it('refuses a signed body that is not JSON with 400', async () => {
    const url = await start();
    expect((await post(url, 'not json', signed('not json'))).status).toBe(400);
    expect(bodies).toEqual([]);
  });
});
