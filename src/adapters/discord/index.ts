/**
 * The Discord adapter, in one of two modes: the gateway (a discord.js client, gateway.ts) or the HTTP
 * interactions endpoint (http-mode.ts) when DISCORD_PUBLIC_KEY is set. Both read interactions into the same
 * shape and hand them to the same router. Slash commands are registered by `npm run deploy-commands`, not here.
 */
import { startGateway } from './gateway.js';
import { startHttpInteractions } from './http-mode.js';
import type { DiscordHandle, StartDiscordOptions } from './options.js';

export { deployCommands } from './deploy.js';
export { DISCORD_COMMANDS } from './commands.js';
export { createDiscordClient } from './gateway.js';
export { DiscordStartError } from './start-error.js';
export type { DiscordHandle, StartDiscordOptions } from './options.js';

export async function startDiscord(options: StartDiscordOptions): Promise<DiscordHandle> {
  const interactions = options.config.interactions;
  if (interactions !== undefined) return startHttpInteractions({ ...options, interactions });
  return startGateway(options);
}
