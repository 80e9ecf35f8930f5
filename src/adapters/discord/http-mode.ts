/**
 * HTTP interactions mode: no gateway connection; Discord posts every interaction to our endpoint
 * (http/interactions-server.ts), which verifies it, reads the API's JSON (from-api.ts) and hands it to the same
 * router as the gateway, answering through the same REST calls. Any number of instances can run behind a load
 * balancer: each interaction reaches exactly one of them.
 */
import { InteractionResponseType } from 'discord.js';
import { createDispatcher, within } from './dispatcher.js';
import { fromApi } from './from-api.js';
import { publicKeyFromHex } from './http/verify-signature.js';
import { startInteractionsServer, type Reply } from './http/interactions-server.js';
import type { DiscordHandle, StartDiscordOptions } from './options.js';
import { createRest, watchRateLimits } from './rest.js';
import { DiscordStartError } from './start-error.js';
import { restTransport, type Transport } from './transport.js';
import type { DiscordInteractionsConfig } from './settings.js';

/** Discord waits 3 s for the first response; the router defers after 2 s, so this is only a backstop. */
const FIRST_RESPONSE_WAIT_MS = 2900;

/** The transport, plus a promise that settles once the first response was sent (or failed). */
function signallingTransport(inner: Transport): { transport: Transport; responded: Promise<void> } {
  let settle: () => void = () => undefined;
  const responded = new Promise<void>((resolve) => {
    settle = resolve;
  });
  return {
    responded,
    transport: {
      ...inner,
      respond: (response, options) => inner.respond(response, options).finally(settle),
    },
  };
}

export async function startHttpInteractions(
  options: StartDiscordOptions & { readonly interactions: DiscordInteractionsConfig },
): Promise<DiscordHandle> {
  const logger = options.logger.child({ adapter: 'discord', mode: 'http' });
  const rest = createRest(options.config.token, options.config.apiBase, options.rest);
  watchRateLimits(rest, options.onRateLimited);
  const dispatcher = createDispatcher({
    engine: options.engine,
    logger,
    deferAfterMs: options.deferAfterMs ?? 2000,
    celebrationWindowMs: options.celebrationWindowMs ?? 1500,
  });

  const onBody = async (json: unknown): Promise<Reply> => {
    const read = fromApi(json);
    if (read.kind === 'ping') return { status: 200, json: { type: InteractionResponseType.Pong } };
    if (read.kind === 'other') {
      logger.debug('discord: ignored interaction', { interactionId: read.id, type: read.type });
      return { status: 400, json: { message: 'interaction type not handled' } };
    }
    const { transport, responded } = signallingTransport(restTransport(rest, read.interaction));
    const handled = dispatcher.dispatch(read.interaction, transport);
    if (handled === false) return { status: 503, json: { message: 'shutting down' } };
    await within(FIRST_RESPONSE_WAIT_MS, Promise.race([responded, handled]));
    return { status: 202 };
  };

  let server;
  try {
    server = await startInteractionsServer({
      key: publicKeyFromHex(options.interactions.publicKey),
      host: options.interactions.host,
      port: options.interactions.port,
      path: options.interactions.path,
      logger,
      onBody,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DiscordStartError(
      'listen-failed',
      `the Discord interactions endpoint could not listen on ${options.interactions.host}:${options.interactions.port} (${detail})`,
      { cause: error },
    );
  }
  logger.info('discord: interactions endpoint listening', { url: server.url });
  const endpoint = server;
  return {
    url: endpoint.url,
    connected: () => endpoint.listening(),
    async stop() {
      const closing = endpoint.close();
      await dispatcher.stop({ drainMs: options.drainMs ?? 3000, flushMs: 1000 });
      await within(2000, closing);
      logger.info('discord: stopped');
    },
  };
}
