/**
 * Two bot instances (two grammY bots, two webhook servers) on one PostgreSQL database, as behind a load balancer:
 * a student's commands alternate between them and the per-user rate limit still holds, shared through the
 * database (and through Redis when TEST_REDIS_URL is set). Runs when TEST_POSTGRES_URL is set.
 */
import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  postgresRateLimits,
  redisRateLimits,
  type RateLimitStore,
} from '../../../src/adapters/shared/rate-limiter.js';
import { RATE_LIMITED } from '../../../src/adapters/shared/texts.js';
import type { Store } from '../../../src/engine/ports/store.js';
import { createEngine } from '../../../src/engine/create-engine.js';
import { createPrismaStore } from '../../../src/store/prisma/create-prisma-store.js';
import {
  TEST_POSTGRES_URL,
  createTempDatabase,
  noticeIfNoPostgres,
  type TempPostgres,
} from '../../store/support/temp-postgres.js';
import { FakeBotApi, postJson } from './support/fake-bot-api.js';
import { alice, group, Harness, WEBHOOK_SECRET } from './support/harness.js';
import { seededRandom } from './support/quiz-helpers.js';

const TEST_REDIS_URL = process.env['TEST_REDIS_URL']?.trim() || undefined;
noticeIfNoPostgres('telegram two instances');

const backends: readonly ('postgres' | 'redis')[] = TEST_REDIS_URL ? ['postgres', 'redis'] : ['postgres'];

describe.skipIf(TEST_POSTGRES_URL === undefined).each(backends)(
  'two Telegram instances on one PostgreSQL database, rate limits through %s',
  (backend) => {
    let db: TempPostgres;
    let fake: FakeBotApi;
    const stores: Store[] = [];
    const limits: RateLimitStore[] = [];
    const bots: Harness[] = [];

    beforeEach(async () => {
      db = await createTempDatabase('tg2');
      fake = await FakeBotApi.start();
      const prefix = `studybot_tg_${Date.now()}`;
      for (let i = 0; i < 2; i++) {
        const store = await createPrismaStore({ url: db.url });
        stores.push(store);
        const rateLimits =
          backend === 'redis'
            ? redisRateLimits(TEST_REDIS_URL!, { keyPrefix: prefix })
            : postgresRateLimits(db.url, { keyPrefix: prefix });
        limits.push(rateLimits);
        bots.push(
          await Harness.start({
            mode: 'webhook',
            engine: createEngine({ store, random: seededRandom(20 + i) }),
            fake,
            rateLimits,
            tuning: { commandRateLimit: { burst: 3, refillMs: 60_000 } },
          }),
        );
      }
    });

    afterEach(async () => {
      for (const bot of bots.splice(0)) await bot.stop({ keepFake: true });
      await fake.close();
      for (const l of limits.splice(0)) await l.close();
      for (const s of stores.splice(0)) await s.close();
      await db.drop();
    });

    /** Posts the update to one instance's webhook, as the load balancer would. */
    async function deliverTo(bot: Harness, update: Update): Promise<string[]> {
      const mark = fake.mark();
      expect(await postJson(bot.webhookUrl, update, WEBHOOK_SECRET)).toBe(200);
      return fake.sentSince(mark).map((s) => s.text);
    }

    it('the per-user rate limit holds across them', async () => {
      const replies: string[][] = [];
      for (let i = 0; i < 8; i++) {
        const update = fake.prepare(fake.message({ chat: group, from: alice, text: '/help' }));
        replies.push(await deliverTo(bots[i % 2]!, update));
      }
      const answered = replies.filter((r) => r.length > 0 && r[0] !== RATE_LIMITED);
      expect(answered).toHaveLength(3);
      expect(replies.filter((r) => r[0] === RATE_LIMITED)).toHaveLength(1);
      expect(replies.slice(4).every((r) => r.length === 0)).toBe(true);
    });
  },
);
