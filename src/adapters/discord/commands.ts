/**
 * Discord slash-command definitions, built from the platform-neutral specs in `../shared/commands.ts` (commands are
 * data). `deploy-commands` registers these bodies; the router's handler table is keyed by `DiscordCommandName`, so
 * a spec without a handler does not compile.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIApplicationGuildCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { COMMANDS } from '../shared/commands.js';
import { commandsFor, type CommandOptionSpec, type CommandSpec } from '../shared/commands.js';

type Spec = (typeof COMMANDS)[number];

/** Names of the commands offered on Discord, derived from the specs. */
export type DiscordCommandName = Spec extends infer S
  ? S extends { readonly name: infer N; readonly platforms: readonly (infer P)[] }
    ? 'discord' extends P
      ? N
      : never
    : never
  : never;

/** Option names of one command, derived from its spec (handlers read only these). */
export type OptionName<N extends DiscordCommandName> = Extract<
  Spec,
  { readonly name: N }
>['options'][number] extends {
  readonly name: infer O;
}
  ? O & string
  : never;

/** Manage Server: the admin permission for /reset-leaderboard. */
export const ADMIN_PERMISSION = PermissionFlagsBits.ManageGuild;

/** Manage Server, or Administrator (which grants every permission); no member permissions (a DM) is no. */
export function hasAdminPermission(permissions: bigint | undefined): boolean {
  if (permissions === undefined) return false;
  const has = (flag: bigint): boolean => (permissions & flag) === flag;
  return has(PermissionFlagsBits.Administrator) || has(ADMIN_PERMISSION);
}

/**
 * Every command works when the bot is added to a server and when a student adds it to their own account (user
 * install), in servers, in the bot's DM and in private channels (group DMs, DMs between users) where a user
 * install reaches. Admin commands exist only in servers that installed the bot: they act on its leaderboard.
 */
const EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
};
const SERVER_ADMIN = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
};

function toOption(spec: CommandOptionSpec): APIApplicationCommandBasicOption {
  if (spec.type === 'user') {
    return {
      type: ApplicationCommandOptionType.User,
      name: spec.name,
      description: spec.description,
      required: spec.required,
    };
  }
  const base = {
    type: ApplicationCommandOptionType.String,
    name: spec.name,
    description: spec.description,
    required: spec.required,
    max_length: 100,
  } as const;
  // Discord refuses choices together with autocomplete.
  if (spec.choices) return { ...base, choices: spec.choices.map((c) => ({ name: c.name, value: c.value })) };
  if (spec.autocomplete) return { ...base, autocomplete: true };
  return base;
}

function toDiscordCommand(spec: CommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    description: spec.description.length > 100 ? `${spec.description.slice(0, 99)}…` : spec.description,
    options: spec.options.map(toOption),
    // Admin commands are hidden from members without Manage Server (and checked again at run time).
    default_member_permissions: spec.admin ? ADMIN_PERMISSION.toString() : null,
    ...(spec.admin ? SERVER_ADMIN : EVERYWHERE),
  };
}

/** Bodies for global registration (servers, DMs, private channels; server and user installs). */
export const DISCORD_COMMANDS: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[] =
  commandsFor('discord').map(toDiscordCommand);

/** Bodies for one development guild: guild commands take no contexts or integration types. */
export function guildCommandBodies(): RESTPostAPIApplicationGuildCommandsJSONBody[] {
  return DISCORD_COMMANDS.map(({ contexts: _c, integration_types: _i, ...rest }) => rest);
}

export function isDiscordCommandName(name: string): name is DiscordCommandName {
  return DISCORD_COMMANDS.some((c) => c.name === name);
}
