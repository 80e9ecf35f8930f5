/** Who acts and where: a Discord interaction translated to the engine's Actor, Place and EventRef. */
import type { BaseInteraction, User } from 'discord.js';
import type { Actor, EventRef, Place, ScopeRef } from '../../engine/api.js';

type MemberLike = { readonly displayName?: string; readonly nick?: string | null } | null | undefined;

/** Server nickname, else global display name, else username. */
export function displayNameOf(user: User, member: MemberLike): string {
  const fromMember = member ? (member.displayName ?? member.nick ?? undefined) : undefined;
  return fromMember ?? user.globalName ?? user.username;
}

export function actorOf(interaction: BaseInteraction): Actor {
  return actorOfUser(interaction.user, interaction.member);
}

export function actorOfUser(user: User, member: MemberLike): Actor {
  return { platform: 'discord', userId: user.id, displayName: displayNameOf(user, member) };
}

/** A server is the scope (leaderboards per server); in a DM the DM channel is the scope. */
export function scopeOf(interaction: BaseInteraction): ScopeRef {
  if (interaction.guildId !== null) {
    const title = interaction.guild?.name;
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

export function placeOf(interaction: BaseInteraction): Place {
  const scope = scopeOf(interaction);
  return { scope, channelId: interaction.channelId ?? scope.scopeId };
}

/** The interaction id is the engine's idempotency key: a redelivered interaction is recorded once. */
export function eventOf(interaction: BaseInteraction): EventRef {
  return { eventId: interaction.id };
}
