/**
 * Gateway mode: a discord.js client (Guilds intent only; DMs via Partials.Channel) receives interactions over the
 * gateway. Start-up is bounded: a rejected token, an unreachable Discord or a login that does not finish within
 * `startTimeoutMs` rejects with a DiscordStartError naming the cause.
 */
import { Client, DiscordjsError, DiscordjsErrorCodes, Events, GatewayIntentBits, Partials } from 'discord.js';
import { errorFields } from './errors.js';
import { fromGateway } from './from-gateway.js';
import { NO_MENTIONS } from './markdown.js';
import { createDispatcher, within } from './dispatcher.js';
import { restOptions, watchRateLimits, type RestLimits } from './rest.js';
import { DiscordStartError } from './start-error.js';
import { restTransport } from './transport.js';
import type { DiscordHandle, StartDiscordOptions } from './options.js';

/**
 * Every embed, component, modal and choice this bot sends is built as the API's own JSON (discord-api-types,
 * snake_case: see render/). discord.js's default transformer copies such objects key by key through lodash's
 * snakeCase before sending, which cost ~20 µs per answer in `npm run bench discord`; as-is is the same JSON.
 */
const sendAsBuilt = <T>(data: T): T => data;

export function createDiscordClient(config: { readonly apiBase?: string }, limits?: RestLimits): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    jsonTransformer: sendAsBuilt,
    rest: restOptions(config.apiBase, limits),
  });
}

function startFailure(error: unknown): DiscordStartError {
  if (error instanceof DiscordStartError) return error;
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) {
    return new DiscordStartError(
      'token-rejected',
      'Discord rejected the bot token (DISCORD_TOKEN): copy a fresh one from Developer Portal > Bot > Reset Token',
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return new DiscordStartError('unreachable', `could not connect to Discord (${detail}${cause})`, {
    cause: error,
  });
}

export async function startGateway(options: StartDiscordOptions): Promise<DiscordHandle> {
  const logger = options.logger.child({ adapter: 'discord', mode: 'gateway' });
  const client = createDiscordClient(options.config, options.rest);
  watchRateLimits(client.rest, options.onRateLimited);
  const dispatcher = createDispatcher({
    engine: options.engine,
    logger,
    deferAfterMs: options.deferAfterMs ?? 2000,
    celebrationWindowMs: options.celebrationWindowMs ?? 1500,
  });

  client.on(Events.InteractionCreate, (interaction) => {
    const incoming = fromGateway(interaction);
    if (incoming === undefined) {
      logger.debug('discord: ignored interaction', { interactionId: interaction.id, type: interaction.type });
      return;
    }
    // The dispatcher tracks the handler (stop() waits for it) and its error boundary catches everything.
    void dispatcher.dispatch(incoming, restTransport(client.rest, incoming));
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

  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DiscordStartError(
            'timeout',
            `Discord did not finish connecting within ${Math.round(startTimeoutMs / 1000)} s (gateway unreachable or too slow)`,
          ),
        ),
      startTimeoutMs,
    );
  });
  const login = client.login(options.config.token).then(() => ready);
  try {
    await Promise.race([login, timedOut]);
  } catch (error) {
    // The login may still settle after a timeout; its outcome no longer matters.
    login.catch(() => undefined);
    await within(2000, client.destroy());
    throw startFailure(error);
  } finally {
    clearTimeout(timer);
  }
  logger.info('discord: ready', { user: client.user?.tag, guilds: client.guilds.cache.size });

  return {
    connected: () => client.isReady(),
    async stop() {
      await dispatcher.stop({ drainMs: options.drainMs ?? 3000, flushMs: 1000 });
      await within(2000, client.destroy());
      logger.info('discord: stopped');
    },
  };
}
