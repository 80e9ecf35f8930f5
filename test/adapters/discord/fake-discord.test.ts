/**
 * The fake itself, driven by a bare discord.js client: if these fail, the adapter tests cannot be trusted.
 */
import { Client, Events, GatewayIntentBits, MessageFlags, Partials } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord, snowflake, type FakeUser } from './fake-discord.js';

const alice: FakeUser = { id: snowflake(), username: 'alice' };

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await fake?.stop();
  client = undefined;
  fake = undefined;
});

async function bareClient(f: FakeDiscord): Promise<Client> {
  const c = new Client({
    intents: [GatewayIntentBits.Guilds],
    partials: [Partials.Channel],
    rest: { api: f.api },
  });
  c.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) {
      void interaction.reply({ content: `pong ${interaction.commandName}`, flags: MessageFlags.Ephemeral });
    } else if (interaction.isButton()) {
      void interaction.reply({ content: `clicked ${interaction.customId}` });
    }
  });
  const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
  await c.login('fake-token');
  await ready;
  return c;
}

describe('fake discord', () => {
  it('logs a real client in and routes a slash command reply back to its interaction', async () => {
    fake = await FakeDiscord.start();
    client = await bareClient(fake);
    expect(fake.gateway.identifies).toBe(1);
    expect(client.guilds.cache.has(fake.guild.id)).toBe(true);

    const rec = fake.slash({ user: alice, where: fake.inGuild(), name: 'ping' });
    await fake.waitForResponse(rec);
    expect(rec.callbacks[0]?.type).toBe(4);
    expect(rec.original?.content).toBe('pong ping');
    expect(rec.original?.flags).toBe(MessageFlags.Ephemeral);
    expect(fake.unknownRoutes).toEqual([]);
  });

  it('works in a DM channel', async () => {
    fake = await FakeDiscord.start();
    client = await bareClient(fake);
    const rec = fake.slash({ user: alice, where: { dmChannelId: snowflake() }, name: 'dm' });
    await fake.waitForResponse(rec);
    expect(rec.original?.content).toBe('pong dm');
  });

  it('replays a dispatch missed during a dropped connection after RESUME', async () => {
    fake = await FakeDiscord.start();
    client = await bareClient(fake);
    fake.dropConnections();
    const rec = fake.slash({ user: alice, where: fake.inGuild(), name: 'missed' });
    await fake.waitForResponse(rec);
    expect(rec.original?.content).toBe('pong missed');
    expect(fake.gateway.resumes).toBe(1);
    expect(fake.gateway.replayed).toBeGreaterThanOrEqual(1);
    expect(fake.gateway.identifies).toBe(1);
  });

  it('refuses callbacks for an expired token with 10062', async () => {
    fake = await FakeDiscord.start();
    client = await bareClient(fake);
    client.removeAllListeners(Events.InteractionCreate);
    const rejected = new Promise<unknown>((resolve) => {
      client!.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand())
          interaction.reply({ content: 'late' }).then(() => resolve(undefined), resolve);
      });
    });
    const rec = fake.slash({ user: alice, where: fake.inGuild(), name: 'late' });
    fake.expire(rec);
    expect(((await rejected) as { code?: number }).code).toBe(10062);
    expect(rec.refused).toEqual([{ path: `/interactions/${rec.id}/${rec.token}/callback`, code: 10062 }]);
  });

  it('records unknown routes', async () => {
    fake = await FakeDiscord.start();
    const res = await fetch(`${fake.api}/v10/channels/1/messages`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(fake.unknownRoutes.map((c) => c.path)).toEqual(['/channels/1/messages']);
  });
});
