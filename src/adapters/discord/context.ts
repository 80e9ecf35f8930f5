/** Who acts and where: an interaction translated to the engine's Actor, Place and EventRef. */
import type { Actor, EventRef, Place, ScopeRef } from '../../engine/api.js';
import { cleanDisplayName } from '../shared/display-name.js';
import type { DiscordUser, InteractionBase } from './interaction.js';

/** Server nickname, else global display name, else username; cleaned of direction overrides and line breaks. */
export function displayNameOf(user: DiscordUser, memberName?: string): string {
  return cleanDisplayName(memberName ?? user.globalName ?? user.username, { fallback: user.username });
}

export function actorOf(interaction: InteractionBase): Actor {
  return actorOfUser(interaction.user, interaction.memberName);
}

export function actorOfUser(user: DiscordUser, memberName?: string): Actor {
  return { platform: 'discord', userId: user.id, displayName: displayNameOf(user, memberName) };
}

/**
 * A server is the scope (leaderboards per server); in a DM, a group DM or a private channel reached through a
 * user install, the channel is the scope.
 */
export function scopeOf(interaction: InteractionBase): ScopeRef {
  if (interaction.guildId !== undefined) {
    const title = interaction.guildName;
    return {
      platform: 'discord',
      scopeId: interaction.guildId,
      kind: 'server',
      ...(title !== undefined ? { title } : {}),
    };
  }
  return {
    platform: 'discord',
    scopeId: interaction.channelId ?? `dm:${interaction.user.id}`,
    kind: 'private',
  };
}

export function placeOf(interaction: InteractionBase): Place {
  const scope = scopeOf(interaction);
  return { scope, channelId: interaction.channelId ?? scope.scopeId };
}

/** The interaction id is the engine's idempotency key: a redelivered interaction is recorded once. */
export function eventOf(interaction: InteractionBase): EventRef {
  return { eventId: interaction.id };
}
