/**
 * The operations server on HTTP_PORT: `GET /healthz` (200 or 503 with the Health JSON) and `GET /metrics`
 * (Prometheus text). A small server of its own, separate from the platforms' endpoints, so a probe keeps working
 * whichever platform mode runs. Bounded like the other endpoints: no request body is read, slow headers are cut,
 * sockets are capped.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Health } from './health.js';
import type { Metrics } from './metrics.js';

export interface OpsServerOptions {
  readonly host: string;
  readonly port: number;
  readonly metrics: Metrics;
  readonly health: () => Promise<Health>;
  readonly onError?: (error: unknown) => void;
}

export interface OpsServer {
  readonly url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('connection', 'close');
      return send(res, 405, 'text/plain', 'GET only\n');
    }
    if (path === '/healthz') {
      const health = await options.health();
      return send(res, health.ok ? 200 : 503, 'application/json', JSON.stringify(health));
    }
    if (path === '/metrics') {
      return send(res, 200, options.metrics.registry.contentType, await options.metrics.registry.metrics());
    }
    return send(res, 404, 'text/plain', 'not found\n');
  };
  const server = createServer({ connectionsCheckingInterval: 1000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error\n');
      else res.destroy();
    });
  });
  server.headersTimeout = 5000;
  server.requestTimeout = 10_000;
  server.maxConnections = 64;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the ops server has no TCP address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
