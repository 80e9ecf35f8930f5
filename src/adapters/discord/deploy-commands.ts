/**
 * `npm run deploy-commands`: registers the Discord slash commands once (see deploy.ts), to DISCORD_GUILD_ID when
 * set, globally otherwise. Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID.
 */
import { ConfigError, loadConfig } from '../../config.js';
import { deployCommands } from './deploy.js';

async function main(): Promise<number> {
  let discord;
  try {
    discord = loadConfig(process.env).discord;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  if (discord === undefined || discord.applicationId === undefined) {
    console.error(
      'deploy-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (Developer Portal > your app > General Information).',
    );
    return 1;
  }
  try {
    const result = await deployCommands({ ...discord, applicationId: discord.applicationId });
    const where =
      result.scope === 'guild'
        ? `server ${discord.guildId ?? ''} (available now)`
        : 'every server and DMs (global commands can take a while to show up)';
    console.log(
      `Registered ${result.names.length} commands for ${where}: ${result.names.map((n) => `/${n}`).join(' ')}`,
    );
    return 0;
  } catch (error) {
    console.error(
      `Could not register the commands: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}

process.exitCode = await main();
