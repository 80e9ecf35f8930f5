/**
 * GET /healthz and GET /metrics on the ops server, with real stores and a real Discord adapter: 200 while the
 * database answers and the platform is connected, 503 naming the part that is down (a stopped gateway, a
 * PostgreSQL that went away behind a TCP proxy).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { checkHealth, type PlatformStatus } from '../../src/ops/health.js';
import { instrumentEngine } from '../../src/ops/instrumented-engine.js';
import { createMetrics, type Metrics } from '../../src/ops/metrics.js';
import { startOpsServer, type OpsServer } from '../../src/ops/ops-server.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/engine/ports/store.js';
import { member, startBot, type Bot } from '../adapters/discord/harness.js';
import { createTempDatabase, noticeIfNoPostgres, TEST_POSTGRES_URL } from '../store/support/temp-postgres.js';
import { sample } from './prometheus.js';

let server: OpsServer | undefined;
let bot: Bot | undefined;
afterEach(async () => {
  await server?.close();
  await bot?.stop();
  server = undefined;
  bot = undefined;
});

async function serve(
  store: Pick<Store, 'ping'>,
  platforms: PlatformStatus[],
  metrics: Metrics = createMetrics(),
) {
  server = await startOpsServer({
    host: '127.0.0.1',
    port: 0,
    metrics,
    health: () => checkHealth({ store, platforms, timeoutMs: 500 }),
  });
  return server.url;
}

async function get(url: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

describe('the ops server', () => {
  it('reports healthy with the database and Discord connected, and unhealthy once the gateway is gone', async () => {
    bot = await startBot({ db: 'sqlite' });
    const discord = bot.discord;
    const url = await serve(bot.store, [{ name: 'discord', connected: () => discord.connected() }]);
    const up = await get(`${url}/healthz`);
    expect(up.status).toBe(200);
    expect(JSON.parse(up.text)).toEqual({ ok: true, database: 'ok', platforms: { discord: 'connected' } });

    await discord.stop();
    const down = await get(`${url}/healthz`);
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toEqual({
      ok: false,
      database: 'ok',
      platforms: { discord: 'disconnected' },
    });
  });

  it('serves Prometheus text with every metric family, and counts the 429s Discord answers', async () => {
    const metrics = createMetrics();
    bot = await startBot({
      engine: (engine) => instrumentEngine(engine, metrics),
      onRateLimited: () => metrics.rateLimited('discord'),
    });
    const { fake } = bot;
    const url = await serve(bot.store, [], metrics);
    // A 429 on the first callback: the REST client waits retry_after and sends it again.
    fake.rateLimitNext((call) => call.path.endsWith('/callback'));
    const rec = fake.slash({ user: member('Ann'), where: fake.inGuild(), name: 'topics' });
    await bot.settled(rec);
    const quiz = fake.slash({
      user: member('Ben'),
      where: fake.inGuild(),
      name: 'quiz',
      options: { topic: 'cnn' },
    });
    await bot.settled(quiz);
    expect(fake.rateLimited).toHaveLength(1);
    expect(rec.original).toBeDefined();

    const res = await get(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/plain');
    expect(res.text).toContain('# TYPE studybot_answers_total counter');
    expect(res.text).toContain('# TYPE studybot_answer_duration_seconds histogram');
    expect(res.text).toContain('# TYPE studybot_errors_total counter');
    expect(res.text).toContain('studybot_process_cpu_seconds_total');
    expect(sample(res.text, 'studybot_platform_rate_limited_total{platform="discord"}')).toBe(1);
    expect((await get(`${url}/nothing`)).status).toBe(404);
    expect((await fetch(`${url}/metrics`, { method: 'POST' })).status).toBe(405);
  });
});

noticeIfNoPostgres('ops health');
describe.runIf(TEST_POSTGRES_URL !== undefined)('health with PostgreSQL', () => {
  let proxy: Server | undefined;
  const sockets = new Set<Socket>();
  afterAll(() => {
    for (const s of sockets) s.destroy();
    proxy?.close();
  });

  it('turns 503 with database "unreachable" when PostgreSQL stops answering, and counts the errors', async () => {
    const db = await createTempDatabase('ops_health');
    const target = new URL(db.url);
    proxy = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    const proxied = new URL(db.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(typeof address === 'object' && address !== null ? address.port : 0);
    const store = await createStore({ databaseUrl: proxied.toString() });
    const metrics = createMetrics({ processMetrics: false });
    const engine = instrumentEngine(createEngine({ store }), metrics);
    try {
      const url = await serve(store, [], metrics);
      expect((await get(`${url}/healthz`)).status).toBe(200);

      proxy.close();
      for (const s of sockets) s.destroy();
      const down = await get(`${url}/healthz`);
      expect(down.status).toBe(503);
      expect(JSON.parse(down.text)).toMatchObject({ ok: false, database: 'unreachable' });

      const actor = { platform: 'telegram', userId: '1', displayName: 'Ann' } as const;
      await expect(engine.getProgress({ actor })).rejects.toThrow();
      const text = await metrics.registry.metrics();
      expect(
        sample(text, 'studybot_errors_total{kind="store-unavailable"}') +
          sample(text, 'studybot_errors_total{kind="unexpected"}'),
      ).toBe(1);
    } finally {
      await store.close().catch(() => undefined);
      await db.drop();
    }
  });
});
