/**
 * An interaction as the router sees it, whatever it came through: the gateway (discord.js objects, read through
 * their public getters: from-gateway.ts) or the HTTP interactions endpoint (the API's JSON: from-api.ts). Only
 * what the handlers read is here; answering goes through a Transport (transport.ts), which is the same REST
 * calls in both modes.
 */

export interface DiscordUser {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
}

export interface InteractionBase {
  readonly id: string;
  /** Credential for the callback and the interaction webhook (15 minutes): never logged. */
  readonly token: string;
  readonly applicationId: string;
  readonly user: DiscordUser;
  /** The server nickname or member display name; absent outside servers. */
  readonly memberName?: string;
  /** Absent in DMs and private channels (user installs). */
  readonly guildId?: string;
  readonly guildName?: string;
  readonly channelId?: string;
  /** The member's permissions in this channel; absent outside servers (no member there). */
  readonly memberPermissions?: bigint;
}

/** A user given as a command option, with their member name when the command ran in a server. */
export interface UserOption {
  readonly user: DiscordUser;
  readonly memberName?: string;
}

export interface CommandInteraction extends InteractionBase {
  readonly kind: 'command';
  readonly commandName: string;
  readonly strings: ReadonlyMap<string, string>;
  readonly users: ReadonlyMap<string, UserOption>;
}

export interface ButtonInteraction extends InteractionBase {
  readonly kind: 'button';
  readonly customId: string;
}

export interface ModalInteraction extends InteractionBase {
  readonly kind: 'modal';
  readonly customId: string;
  /** Text input values by custom id. */
  readonly fields: ReadonlyMap<string, string>;
}

export interface AutocompleteInteraction extends InteractionBase {
  readonly kind: 'autocomplete';
  readonly commandName: string;
  readonly focused: { readonly name: string; readonly value: string } | undefined;
}

export type Incoming = CommandInteraction | ButtonInteraction | ModalInteraction | AutocompleteInteraction;

/** Fields for a log line (no token, no user text). */
export function describeInteraction(interaction: Incoming): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    kind: interaction.kind,
    ...(interaction.kind === 'command' || interaction.kind === 'autocomplete'
      ? { command: interaction.commandName }
      : { customId: interaction.customId }),
    userId: interaction.user.id,
    guildId: interaction.guildId ?? null,
    channelId: interaction.channelId ?? null,
  };
}
