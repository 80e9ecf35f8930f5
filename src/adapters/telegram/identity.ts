/** Translating Telegram users, chats and updates into the engine's Actor, Place and EventRef. */
import type { Chat, Message, User } from 'grammy/types';
import type { Actor, EventRef, Place, ScopeRef } from '../../engine/api.js';
import { cleanName } from './render/escape.js';

export function displayNameOf(user: User): string {
  const full = [user.first_name, user.last_name].filter((s) => s !== undefined && s.trim() !== '').join(' ');
  return cleanName(full !== '' ? full : (user.username ?? `user ${user.id}`), 64);
}

export function actorOf(user: User): Actor {
  return { platform: 'telegram', userId: String(user.id), displayName: displayNameOf(user) };
}

export function isGroupChat(chat: Pick<Chat, 'type'>): boolean {
  return chat.type !== 'private';
}

/**
 * A Telegram chat is the scope (its leaderboard) and the channel where questions are posted; in a forum
 * supergroup each topic (thread) is its own channel, so /hint in one topic is about that topic's question.
 */
export function placeOf(
  chat: Chat,
  message?: Pick<Message, 'is_topic_message' | 'message_thread_id'>,
): Place {
  const kind: ScopeRef['kind'] = chat.type === 'private' ? 'private' : 'group';
  const title = 'title' in chat && typeof chat.title === 'string' ? cleanName(chat.title, 128) : undefined;
  const scope: ScopeRef = {
    platform: 'telegram',
    scopeId: String(chat.id),
    kind,
    ...(title === undefined ? {} : { title }),
  };
  const thread = message?.is_topic_message === true ? message.message_thread_id : undefined;
  return { scope, channelId: thread === undefined ? String(chat.id) : `${chat.id}:${thread}` };
}

/**
 * The event id of a message: stable under redelivery (polling after a crash, webhook retries) because a message
 * id is unique within its chat.
 */
export function messageEvent(message: Pick<Message, 'message_id' | 'chat'>): EventRef {
  return { eventId: `msg:${message.chat.id}:${message.message_id}` };
}

export function callbackEvent(callbackQueryId: string): EventRef {
  return { eventId: `cb:${callbackQueryId}` };
}

export type CommandAddress = 'none' | 'ours' | 'other';

/**
 * Whether a message starts with a bot command, and for whom: `/quiz` and `/quiz@OurBot` are ours,
 * `/quiz@OtherBot` is not (in groups several bots share one chat).
 */
export function commandAddress(
  message: Pick<Message, 'text' | 'entities'>,
  botUsername: string,
): CommandAddress {
  const entity = message.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!entity || message.text === undefined) return 'none';
  const command = message.text.slice(0, entity.length);
  const at = command.indexOf('@');
  if (at < 0) return 'ours';
  return command.slice(at + 1).toLowerCase() === botUsername.toLowerCase() ? 'ours' : 'other';
}
