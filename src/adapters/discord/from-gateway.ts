/** A discord.js interaction (gateway mode) read into the router's Incoming through discord.js's public getters. */
import {
  ApplicationCommandOptionType,
  ComponentType,
  GuildMember,
  type APIInteractionDataResolvedGuildMember,
  type APIInteractionGuildMember,
  type BaseInteraction,
  type Interaction,
} from 'discord.js';
import type { DiscordUser, Incoming, InteractionBase, UserOption } from './interaction.js';

type AnyMember = GuildMember | APIInteractionGuildMember | APIInteractionDataResolvedGuildMember;

function nickOf(member: AnyMember | null | undefined): string | undefined {
  if (member === null || member === undefined) return undefined;
  if (member instanceof GuildMember) return member.nickname ?? undefined;
  return member.nick ?? undefined;
}

function userOf(user: { id: string; username: string; globalName: string | null }): DiscordUser {
  return { id: user.id, username: user.username, globalName: user.globalName };
}

function baseOf(interaction: BaseInteraction): InteractionBase {
  const memberName = nickOf(interaction.member);
  const guildName = interaction.guild?.name;
  return {
    id: interaction.id,
    token: interaction.token,
    applicationId: interaction.applicationId,
    user: userOf(interaction.user),
    ...(memberName !== undefined ? { memberName } : {}),
    ...(interaction.guildId !== null ? { guildId: interaction.guildId } : {}),
    ...(guildName !== undefined ? { guildName } : {}),
    ...(interaction.channelId !== null ? { channelId: interaction.channelId } : {}),
    ...(interaction.memberPermissions !== null
      ? { memberPermissions: interaction.memberPermissions.bitfield }
      : {}),
  };
}

/** The interactions this bot handles; anything else (context menus, select menus) is undefined. */
export function fromGateway(interaction: Interaction): Incoming | undefined {
  if (interaction.isChatInputCommand()) {
    const strings = new Map<string, string>();
    const users = new Map<string, UserOption>();
    for (const option of interaction.options.data) {
      if (option.type === ApplicationCommandOptionType.String && typeof option.value === 'string') {
        strings.set(option.name, option.value);
      } else if (option.type === ApplicationCommandOptionType.User && option.user) {
        const memberName = nickOf(option.member);
        users.set(option.name, {
          user: userOf(option.user),
          ...(memberName !== undefined ? { memberName } : {}),
        });
      }
    }
    return { ...baseOf(interaction), kind: 'command', commandName: interaction.commandName, strings, users };
  }
  if (interaction.isButton())
    return { ...baseOf(interaction), kind: 'button', customId: interaction.customId };
  if (interaction.isModalSubmit()) {
    const fields = new Map<string, string>();
    for (const [customId, field] of interaction.fields.fields) {
      if (field.type === ComponentType.TextInput) fields.set(customId, field.value);
    }
    return { ...baseOf(interaction), kind: 'modal', customId: interaction.customId, fields };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    return {
      ...baseOf(interaction),
      kind: 'autocomplete',
      commandName: interaction.commandName,
      focused: { name: focused.name, value: String(focused.value) },
    };
  }
  return undefined;
}
