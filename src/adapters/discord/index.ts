/**
 * The Discord adapter: a discord.js client (Guilds intent only; DMs via Partials.Channel) whose interactions go
 * through the router to the engine. Slash commands are registered by `npm run deploy-commands`, not here.
 */
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { Engine } from '../../engine/api.js';
import type { Logger } from '../../logger.js';
import { errorFields } from './errors.js';
import { NO_MENTIONS } from './markdown.js';
import { Celebrations } from './celebrations.js';
import { createInteractionRouter } from './router.js';
import { DISCORD_TEXTS } from './texts.js';

export { deployCommands } from './deploy.js';
export { DISCORD_COMMANDS } from './commands.js';

export interface StartDiscordOptions {
  readonly config: DiscordConfig;
  readonly engine: Engine;
  readonly logger: Logger;
  /** Defer an interaction whose answer is not ready after this many ms (Discord's limit is 3 s). Default 2000. */
  readonly deferAfterMs?: number;
  /** How long stop() waits for interactions in flight. Default 5000 ms. */
  readonly drainMs?: number;
  /** Solves of one question within this many ms share one public line (celebrations.ts). Default 1500. */
  readonly celebrationWindowMs?: number;
}

export interface DiscordHandle {
  stop(): Promise<void>;
}

/**
 * @discordjs/rest counts every non-callback request (follow-ups and edits of deferred replies included) against the
 * bot's global limit of 50 requests/s, but Discord exempts interaction endpoints from that limit: with the default,
 * a busy server would queue its follow-ups behind a limit that does not exist. The bot's only token-authenticated
 * request is GET /gateway/bot at login, and a real 429 is still honoured through its Retry-After.
 */
const INTERACTION_REQUESTS_PER_SECOND = 1000;

/**
 * Every embed, component, modal and choice this bot sends is built as the API's own JSON (discord-api-types,
 * snake_case: see render/). discord.js's default transformer copies such objects key by key through lodash's
 * snakeCase before sending, which cost ~20 µs per answer in `npm run bench discord`; as-is is the same JSON.
 */
const sendAsBuilt = <T>(data: T): T => data;

export function createDiscordClient(config: Pick<DiscordConfig, 'apiBase'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    jsonTransformer: sendAsBuilt,
    rest: {
      globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND,
      ...(config.apiBase !== undefined ? { api: config.apiBase } : {}),
    },
  });
}

export async function startDiscord(options: StartDiscordOptions): Promise<DiscordHandle> {
  const logger = options.logger.child({ adapter: 'discord' });
  const client = createDiscordClient(options.config);
  const celebrations = new Celebrations(options.celebrationWindowMs ?? 1500, DISCORD_TEXTS.celebrate, logger);
  const route = createInteractionRouter({
    engine: options.engine,
    logger,
    deferAfterMs: options.deferAfterMs ?? 2000,
    celebrations,
  });
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    const p = route(interaction).catch((error: unknown) => {
      logger.error('discord: unexpected error outside the error boundary', errorFields(error));
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  });
  client.on(Events.Error, (error) => logger.error('discord: client error', errorFields(error)));
  client.on(Events.Warn, (message) => logger.warn(`discord: ${message}`));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn('discord: gateway disconnected', { shardId, code: event.code }),
  );
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info('discord: gateway resumed', { shardId, replayed }),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.info('discord: gateway reconnecting', { shardId }));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(options.config.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  logger.info('discord: ready', { user: client.user?.tag, guilds: client.guilds.cache.size });

  return {
    async stop() {
      stopping = true;
      const drain = Promise.allSettled([...inFlight]);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.drainMs ?? 5000);
      });
      await Promise.race([drain, timeout]);
      clearTimeout(timer);
      await celebrations.flush();
      await client.destroy();
      logger.info('discord: stopped');
    },
  };
}
