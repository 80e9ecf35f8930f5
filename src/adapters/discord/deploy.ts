/**
 * Registers the slash commands: to one guild when a guild id is configured (instant, for development), globally
 * otherwise. Run by `npm run deploy-commands`, never at every start.
 */
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { DISCORD_COMMANDS, guildCommandBodies } from './commands.js';
import type { DiscordConfig } from './settings.js';

export interface DeployResult {
  readonly scope: 'guild' | 'global';
  readonly names: readonly string[];
}

export async function deployCommands(
  config: DiscordConfig & { readonly applicationId: string },
): Promise<DeployResult> {
  const rest = new REST(config.apiBase !== undefined ? { api: config.apiBase } : {}).setToken(config.token);
  const guildId = config.guildId;
  const registered =
    guildId !== undefined
      ? ((await rest.put(Routes.applicationGuildCommands(config.applicationId, guildId), {
          body: guildCommandBodies(),
        })) as RESTPutAPIApplicationCommandsResult)
      : ((await rest.put(Routes.applicationCommands(config.applicationId), {
          body: DISCORD_COMMANDS,
        })) as RESTPutAPIApplicationCommandsResult);
  return { scope: guildId !== undefined ? 'guild' : 'global', names: registered.map((c) => c.name) };
}
