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
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: spec.admin
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM],
  };
}

/** Bodies for global registration (servers and DMs). */
export const DISCORD_COMMANDS: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[] =
  commandsFor('discord').map(toDiscordCommand);

/** Bodies for one development guild: guild commands take no contexts or integration types. */
export function guildCommandBodies(): RESTPostAPIApplicationGuildCommandsJSONBody[] {
  return DISCORD_COMMANDS.map(({ contexts: _c, integration_types: _i, ...rest }) => rest);
}

export function isDiscordCommandName(name: string): name is DiscordCommandName {
  return DISCORD_COMMANDS.some((c) => c.name === name);
}
