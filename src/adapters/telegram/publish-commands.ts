/** Publishes the command menu (from the platform-neutral specs) for private chats and for groups. */
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { commandsFor } from '../shared/commands.js';
import { truncate } from './render/escape.js';

/** Commands offered in private chats; groups get the same minus /start. */
export function telegramCommands(): BotCommand[] {
  return commandsFor('telegram')
    .filter((c) => /^[a-z0-9_]{1,32}$/.test(c.name))
    .map((c) => ({ command: c.name, description: truncate(c.description, 256) }));
}

export async function publishCommands(api: Api): Promise<void> {
  const commands = telegramCommands();
  await api.setMyCommands(commands, { scope: { type: 'all_private_chats' } });
  await api.setMyCommands(
    commands.filter((c) => c.command !== 'start'),
    { scope: { type: 'all_group_chats' } },
  );
}
