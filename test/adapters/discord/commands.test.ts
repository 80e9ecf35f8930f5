import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DISCORD_COMMANDS, guildCommandBodies } from '../../../src/adapters/discord/commands.js';
import { commandsFor } from '../../../src/adapters/shared/commands.js';

const byName = (name: string) => DISCORD_COMMANDS.find((c) => c.name === name);

describe('Discord command definitions', () => {
  it('offer every command the issue asks for, built from the shared specs', () => {
    expect(DISCORD_COMMANDS.map((c) => c.name)).toEqual(commandsFor('discord').map((c) => c.name));
    for (const name of [
      'quiz',
      'hint',
      'solution',
      'next',
      'stats',
      'leaderboard',
      'topics',
      'help',
      'optout',
      'reset-leaderboard',
    ]) {
      expect(byName(name), name).toBeDefined();
    }
    expect(byName('start')).toBeUndefined();
  });

  it('respect Discord’s naming and length rules', () => {
    for (const c of DISCORD_COMMANDS) {
      expect(c.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of c.options ?? []) expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('hide /reset-leaderboard from members without Manage Server, in servers only', () => {
    const reset = byName('reset-leaderboard')!;
    // Manage Server is bit 5 of the permission field (Discord docs: MANAGE_GUILD = 1 << 5 = 32).
    expect(reset.default_member_permissions).toBe('32');
    expect(PermissionFlagsBits.ManageGuild).toBe(1n << 5n);
    expect(reset.contexts).toEqual([0]);
    expect(reset.integration_types).toEqual([0]);
    expect(byName('quiz')!.default_member_permissions).toBeNull();
  });

  it('offer every other command to server and user installs, in servers, the bot DM and private channels', () => {
    // Discord docs: integration types GUILD_INSTALL 0, USER_INSTALL 1; contexts GUILD 0, BOT_DM 1, PRIVATE_CHANNEL 2.
    for (const c of DISCORD_COMMANDS.filter((x) => x.name !== 'reset-leaderboard')) {
      expect(c.integration_types, c.name).toEqual([0, 1]);
      expect(c.contexts, c.name).toEqual([0, 1, 2]);
    }
  });

  it('give /quiz an autocompleted topic, /leaderboard fixed periods, /stats a user', () => {
    expect(byName('quiz')!.options).toEqual([
      expect.objectContaining({
        name: 'topic',
        type: ApplicationCommandOptionType.String,
        autocomplete: true,
        required: false,
      }),
    ]);
    const period = byName('leaderboard')!.options![0]!;
    expect(period).toMatchObject({ name: 'period', type: ApplicationCommandOptionType.String });
    expect('choices' in period ? period.choices?.map((c) => c.value) : undefined).toEqual(['week', 'all']);
    expect('autocomplete' in period ? period.autocomplete : undefined).toBeUndefined();
    expect(byName('stats')!.options).toEqual([
      expect.objectContaining({ name: 'user', type: ApplicationCommandOptionType.User }),
    ]);
  });

  it('strip contexts and integration types for guild registration', () => {
    for (const c of guildCommandBodies()) {
      expect('contexts' in c).toBe(false);
      expect('integration_types' in c).toBe(false);
    }
  });
});
