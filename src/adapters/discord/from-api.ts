/**
 * An interaction as Discord posts it to the HTTP interactions endpoint (the API's JSON), read into the router's
 * Incoming. The body is signed by Discord, but it is still read field by field: a field this bot needs that is
 * missing or of the wrong type makes the interaction unreadable (answered with a friendly failure), never a crash.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
} from 'discord.js';
import type { DiscordUser, Incoming, InteractionBase, UserOption } from './interaction.js';

type Json = Readonly<Record<string, unknown>>;

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function userOf(value: unknown): DiscordUser | undefined {
  const u = obj(value);
  const id = str(u?.id);
  const username = str(u?.username);
  if (id === undefined || username === undefined) return undefined;
  return { id, username, globalName: str(u?.global_name) ?? null };
}

function permissionsOf(value: unknown): bigint | undefined {
  const text = str(value);
  return text !== undefined && /^\d+$/.test(text) ? BigInt(text) : undefined;
}

function baseOf(body: Json): InteractionBase | undefined {
  const id = str(body.id);
  const token = str(body.token);
  const applicationId = str(body.application_id);
  const member = obj(body.member);
  const user = userOf(member?.user ?? body.user);
  if (id === undefined || token === undefined || applicationId === undefined || user === undefined) {
    return undefined;
  }
  const memberName = str(member?.nick);
  const guildId = str(body.guild_id);
  const channelId = str(body.channel_id) ?? str(obj(body.channel)?.id);
  const memberPermissions = permissionsOf(member?.permissions);
  return {
    id,
    token,
    applicationId,
    user,
    ...(memberName !== undefined ? { memberName } : {}),
    ...(guildId !== undefined ? { guildId } : {}),
    ...(channelId !== undefined ? { channelId } : {}),
    ...(memberPermissions !== undefined ? { memberPermissions } : {}),
  };
}

/** Text input values of a submitted modal: inside labels (type 18) or action rows (type 1). */
function modalFields(components: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  const visit = (component: unknown): void => {
    const c = obj(component);
    if (c === undefined) return;
    if (c.type === ComponentType.TextInput) {
      const customId = str(c.custom_id);
      const value = str(c.value);
      if (customId !== undefined && value !== undefined) fields.set(customId, value);
      return;
    }
    if (c.component !== undefined) visit(c.component);
    for (const child of list(c.components)) visit(child);
  };
  for (const component of list(components)) visit(component);
  return fields;
}

function commandOf(base: InteractionBase, data: Json): Incoming | undefined {
  const commandName = str(data.name);
  if (commandName === undefined) return undefined;
  const resolved = obj(data.resolved);
  const strings = new Map<string, string>();
  const users = new Map<string, UserOption>();
  for (const option of list(data.options)) {
    const o = obj(option);
    const name = str(o?.name);
    const value = str(o?.value);
    if (o === undefined || name === undefined || value === undefined) continue;
    if (o.type === ApplicationCommandOptionType.String) strings.set(name, value);
    if (o.type === ApplicationCommandOptionType.User) {
      const user = userOf(obj(resolved?.users)?.[value]);
      const memberName = str(obj(obj(resolved?.members)?.[value])?.nick);
      if (user) users.set(name, { user, ...(memberName !== undefined ? { memberName } : {}) });
    }
  }
  return { ...base, kind: 'command', commandName, strings, users };
}

function autocompleteOf(base: InteractionBase, data: Json): Incoming | undefined {
  const commandName = str(data.name);
  if (commandName === undefined) return undefined;
  const focused = list(data.options)
    .map(obj)
    .find((o) => o?.focused === true);
  const name = str(focused?.name);
  const value = focused?.value;
  return {
    ...base,
    kind: 'autocomplete',
    commandName,
    focused:
      name !== undefined && (typeof value === 'string' || typeof value === 'number')
        ? { name, value: String(value) }
        : undefined,
  };
}

export type ApiInteraction =
  | { readonly kind: 'ping' }
  | { readonly kind: 'interaction'; readonly interaction: Incoming }
  /** A kind this bot does not handle (context menu, select menu...) or a payload it cannot read. */
  | { readonly kind: 'other'; readonly id: string | undefined; readonly type: unknown };

export function fromApi(json: unknown): ApiInteraction {
  const body = obj(json);
  if (body?.type === InteractionType.Ping) return { kind: 'ping' };
  const base = body ? baseOf(body) : undefined;
  const data = obj(body?.data);
  const other: ApiInteraction = { kind: 'other', id: str(body?.id), type: body?.type };
  if (body === undefined || base === undefined || data === undefined) return other;
  let interaction: Incoming | undefined;
  switch (body.type) {
    case InteractionType.ApplicationCommand:
      interaction = data.type === ApplicationCommandType.ChatInput ? commandOf(base, data) : undefined;
      break;
    case InteractionType.MessageComponent: {
      const customId = str(data.custom_id);
      interaction =
        data.component_type === ComponentType.Button && customId !== undefined
          ? { ...base, kind: 'button', customId }
          : undefined;
      break;
    }
    case InteractionType.ModalSubmit: {
      const customId = str(data.custom_id);
      interaction =
        customId !== undefined
          ? { ...base, kind: 'modal', customId, fields: modalFields(data.components) }
          : undefined;
      break;
    }
    case InteractionType.ApplicationCommandAutocomplete:
      interaction = autocompleteOf(base, data);
      break;
  }
  return interaction ? { kind: 'interaction', interaction } : other;
}
