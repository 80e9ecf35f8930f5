/**
 * A fake Discord (REST API + gateway) on 127.0.0.1 for end-to-end tests with the real discord.js client.
 * See /work/shared/notes/discord-offline.md for the payload fields discord.js needs.
 *
 * - REST: `GET /gateway/bot`, command registration (global and guild), interaction callbacks, the interaction
 *   webhook (`@original`, follow-ups). Everything else answers 404 and is recorded in `unknownRoutes`.
 * - Gateway: HELLO, heartbeat ACK, IDENTIFY -> READY + GUILD_CREATE, RESUME replaying missed dispatches, op 7.
 * - Interactions: `slash`, `click`, `submitModal`, `autocomplete` dispatch INTERACTION_CREATE and return the
 *   interaction's record, which fills in as the bot answers. Tests wait on records, never on time.
 * - HTTP interactions mode (`deliverOverHttp(url)`): the same payloads are POSTed to the bot's endpoint instead,
 *   signed with an Ed25519 key pair generated here, as Discord signs them; the POST's answer is recorded.
 * - Faults: `rejectToken` (401 on the bot token), `hold(predicate)` (requests left unanswered until released).
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const DISCORD_EPOCH = 1420070400000n;
let snowflakeCounter = 0n;

/** A real-looking snowflake: timestamp << 22 plus a counter (discord.js reads createdTimestamp from it). */
export function snowflake(): string {
  snowflakeCounter = (snowflakeCounter + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | snowflakeCounter).toString();
}

/** Permission bits used by the tests. */
export const PERMISSIONS = {
  /** A normal member: view channel, send messages, use application commands. */
  member: (0x400n | 0x800n | 0x80000000n).toString(),
  /** Member plus Manage Server. */
  admin: (0x400n | 0x800n | 0x80000000n | 0x20n).toString(),
} as const;

export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly globalName?: string;
  /** Server nickname (guild interactions only). */
  readonly nick?: string;
  /** Permission bit field as a decimal string (guild interactions only). Defaults to PERMISSIONS.member. */
  readonly permissions?: string;
}

/**
 * Where an interaction happens: a guild text channel, the bot's DM channel, or a private channel (a group DM or a
 * DM between users) reached through a user install of the bot.
 */
export type Where =
  | { readonly guildId: string; readonly channelId: string }
  | { readonly dmChannelId: string }
  | { readonly privateChannelId: string };

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly auth: string | undefined;
  readonly body: unknown;
  status: number;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  allowed_mentions: unknown;
  [key: string]: unknown;
}

export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  readonly payload: Record<string, unknown>;
  /** Interaction callbacks in order (type 4 reply, 5 defer, 6 deferUpdate, 7 update, 8 autocomplete, 9 modal). */
  readonly callbacks: { readonly type: number; readonly data: Record<string, unknown> | undefined }[];
  /** The `@original` message after a reply / editReply (undefined while only deferred). */
  original: FakeMessage | undefined;
  readonly followUps: FakeMessage[];
  /** The `@original` response was deleted. */
  deleted: boolean;
  /** The fake answers 10062 Unknown interaction / 10015 Unknown Webhook for this token. */
  expired: boolean;
  /** Calls the fake refused (expired token, already acknowledged). */
  readonly refused: { readonly path: string; readonly code: number }[];
  /** HTTP mode: the answers of the bot's endpoint to each POST of this interaction. */
  readonly posts: { status: number; body: string }[];
}

/** Signs a body as Discord does for the interactions endpoint: Ed25519 over timestamp + body, hex. */
export function signInteraction(privateKey: KeyObject, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
}

/** A fresh Ed25519 key pair; the public key as the Developer Portal shows it (64 hex characters). */
export function interactionKeys(): { privateKey: KeyObject; publicKeyHex: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x;
  if (x === undefined) throw new Error('no public key');
  return { privateKey, publicKeyHex: Buffer.from(x, 'base64url').toString('hex') };
}

interface Session {
  readonly id: string;
  seq: number;
  readonly log: { op: 0; t: string; s: number; d: unknown }[];
  socket: WebSocket | undefined;
}

export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly channelIds: readonly string[];
}

export interface FakeDiscordOptions {
  readonly applicationId?: string;
  readonly guilds?: readonly { readonly name?: string; readonly channels?: number }[];
}

export class FakeDiscord {
  readonly applicationId: string;
  readonly botUser: {
    id: string;
    username: string;
    discriminator: string;
    bot: true;
    global_name: null;
    avatar: null;
  };
  readonly guilds: FakeGuild[] = [];
  readonly calls: RecordedCall[] = [];
  readonly unknownRoutes: RecordedCall[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly messages = new Map<string, FakeMessage>();
  /** Registered commands by route key: 'global' or the guild id. */
  readonly commands = new Map<string, Record<string, unknown>[]>();
  readonly gateway = { identifies: 0, resumes: 0, replayed: 0, connections: 0, invalidSessions: 0 };

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private readonly events = new EventEmitter();
  private readonly byToken = new Map<string, InteractionRecord>();
  private port = 0;
  /** HTTP interactions mode: where interactions are POSTed, and the key they are signed with. */
  private http: { url: string; privateKey: KeyObject } | undefined;
  readonly keys = interactionKeys();
  /** 401 on every request authenticated with the bot token (a revoked token). */
  rejectToken = false;
  private readonly held: { call: RecordedCall; release: () => void }[] = [];
  private readonly rateLimits: { matches: (call: RecordedCall) => boolean; retryAfter: number }[] = [];
  /** Calls answered 429 by `rateLimitNext`. */
  readonly rateLimited: RecordedCall[] = [];
  private holding: ((call: RecordedCall) => boolean) | undefined;

  private constructor(options: FakeDiscordOptions) {
    this.applicationId = options.applicationId ?? snowflake();
    this.botUser = {
      id: this.applicationId,
      username: 'studybot',
      discriminator: '0',
      bot: true,
      global_name: null,
      avatar: null,
    };
    for (const [i, g] of (options.guilds ?? [{}]).entries()) {
      const id = snowflake();
      const channelIds = Array.from({ length: g.channels ?? 1 }, () => snowflake());
      this.guilds.push({ id, name: g.name ?? `Study server ${i + 1}`, ownerId: snowflake(), channelIds });
    }
    this.events.setMaxListeners(0);
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (!(req.url ?? '').startsWith('/gateway')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The `rest.api` option for discord.js / @discordjs/rest. */
  get api(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** The first guild. */
  get guild(): FakeGuild {
    return this.guilds[0]!;
  }

  /** A channel of a guild (default: the first channel of the first guild). */
  inGuild(guildIndex = 0, channelIndex = 0): { readonly guildId: string; readonly channelId: string } {
    const g = this.guilds[guildIndex]!;
    return { guildId: g.id, channelId: g.channelIds[channelIndex]! };
  }

  /** From now on, interactions are POSTed (signed) to the bot's endpoint instead of the gateway. */
  deliverOverHttp(url: string): void {
    this.http = { url, privateKey: this.keys.privateKey };
  }

  /** Leaves the requests matching `predicate` unanswered (until `release()`), as a Discord that hangs. */
  hold(predicate: (call: RecordedCall) => boolean): void {
    this.holding = predicate;
  }

  /** Answers the next call matching `predicate` with 429 and `retry_after` (seconds), as Discord's rate limits do. */
  rateLimitNext(predicate: (call: RecordedCall) => boolean, retryAfter = 0.05): void {
    this.rateLimits.push({ matches: predicate, retryAfter });
  }

  /** The calls being held. */
  get heldCalls(): readonly RecordedCall[] {
    return this.held.map((h) => h.call);
  }

  release(): void {
    this.holding = undefined;
    for (const h of this.held.splice(0)) h.release();
  }

  async stop(): Promise<void> {
    this.release();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- waiting

  /** Resolves with the probe's first truthy value, re-checked after every call the fake records. */
  async waitFor<T>(
    probe: () => T | undefined | null | false,
    what = 'condition',
    timeoutMs = 5000,
  ): Promise<T> {
    const first = probe();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        let value: T | undefined | null | false;
        try {
          value = probe();
        } catch (error) {
          cleanup();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
    });
  }

  /** The first response to an interaction: its original message, or the modal / autocomplete callback. */
  async waitForResponse(
    record: InteractionRecord,
    what = `a response to interaction ${record.id}`,
  ): Promise<InteractionRecord> {
    return this.waitFor(
      () =>
        (record.original !== undefined ||
          record.callbacks.some((c) => c.type === 8 || c.type === 9) ||
          record.refused.length > 0) &&
        record,
      what,
    );
  }

  private changed(): void {
    this.events.emit('change');
  }

  // ---------------------------------------------------------------- gateway

  private onSocket(ws: WebSocket): void {
    this.gateway.connections++;
    this.send(ws, { op: 10, d: { heartbeat_interval: 41250 } });
    ws.on('message', (raw: Buffer) => {
      let msg: { op: number; d: unknown };
      try {
        msg = JSON.parse(raw.toString()) as { op: number; d: unknown };
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      this.onGatewayMessage(ws, msg);
    });
    ws.on('close', (code: number) => {
      for (const s of this.sessions.values()) {
        if (s.socket === ws) {
          s.socket = undefined;
          // A normal close (client.destroy()) ends the session; anything else may be resumed.
          if (code === 1000) this.sessions.delete(s.id);
        }
      }
      this.changed();
    });
  }

  private onGatewayMessage(ws: WebSocket, msg: { op: number; d: unknown }): void {
    switch (msg.op) {
      case 1:
        this.send(ws, { op: 11 });
        return;
      case 2: {
        this.gateway.identifies++;
        const session: Session = { id: snowflake(), seq: 0, log: [], socket: ws };
        this.sessions.set(session.id, session);
        this.dispatchTo(session, 'READY', {
          v: 10,
          user: { ...this.botUser, flags: 0, verified: true, mfa_enabled: false },
          guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
          session_id: session.id,
          resume_gateway_url: this.gatewayUrl,
          application: { id: this.applicationId, flags: 0 },
          private_channels: [],
          presences: [],
          relationships: [],
          guild_join_requests: [],
          user_settings: {},
          geo_ordered_rtc_regions: [],
          shard: [0, 1],
        });
        for (const g of this.guilds) this.dispatchTo(session, 'GUILD_CREATE', this.guildPayload(g));
        this.changed();
        return;
      }
      case 6: {
        const d = msg.d as { session_id: string; seq: number | null };
        const session = this.sessions.get(d.session_id);
        if (!session) {
          this.gateway.invalidSessions++;
          this.send(ws, { op: 9, d: false });
          return;
        }
        this.gateway.resumes++;
        session.socket = ws;
        for (const entry of session.log) {
          if (entry.s > (d.seq ?? 0)) {
            this.gateway.replayed++;
            this.send(ws, entry);
          }
        }
        this.dispatchTo(session, 'RESUMED', {});
        this.changed();
        return;
      }
      default:
        return;
    }
  }

  private send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  private dispatchTo(session: Session, t: string, d: unknown): void {
    const entry = { op: 0 as const, t, s: ++session.seq, d };
    session.log.push(entry);
    if (session.socket) this.send(session.socket, entry);
  }

  /** Sends a dispatch to every live session (also to those waiting to resume: they get it on RESUME). */
  dispatch(t: string, d: unknown): void {
    for (const s of this.sessions.values()) this.dispatchTo(s, t, d);
  }

  /** Asks connected clients to reconnect (op 7): discord.js closes with 4200 and RESUMEs. */
  requestReconnect(): void {
    for (const s of this.sessions.values()) if (s.socket) this.send(s.socket, { op: 7, d: null });
  }

  /** Drops every gateway connection abruptly (as a network failure would); sessions stay resumable. */
  dropConnections(): void {
    for (const s of this.sessions.values()) {
      s.socket?.terminate();
      s.socket = undefined;
    }
  }

  get connectedSessions(): number {
    return [...this.sessions.values()].filter((s) => s.socket !== undefined).length;
  }

  private guildPayload(g: FakeGuild): Record<string, unknown> {
    const everyone = {
      id: g.id,
      name: '@everyone',
      permissions: PERMISSIONS.member,
      position: 0,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      managed: false,
      mentionable: false,
      flags: 0,
      icon: null,
      unicode_emoji: null,
    };
    return {
      id: g.id,
      name: g.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: g.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [everyone],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [
        {
          user: this.botUser,
          roles: [],
          joined_at: new Date().toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
        },
      ],
      channels: g.channelIds.map((id, position) => ({
        id,
        type: 0,
        guild_id: g.id,
        name: `study-${position + 1}`,
        position,
        permission_overwrites: [],
        nsfw: false,
        parent_id: null,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
        flags: 0,
      })),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // ---------------------------------------------------------------- interactions

  private userPayload(u: FakeUser): Record<string, unknown> {
    return {
      id: u.id,
      username: u.username,
      global_name: u.globalName ?? null,
      discriminator: '0',
      avatar: null,
      public_flags: 0,
    };
  }

  private memberPayload(u: FakeUser): Record<string, unknown> {
    return {
      user: this.userPayload(u),
      nick: u.nick ?? null,
      avatar: null,
      roles: [],
      joined_at: new Date().toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      permissions: u.permissions ?? PERMISSIONS.member,
      communication_disabled_until: null,
    };
  }

  private basePayload(type: number, user: FakeUser, where: Where): Record<string, unknown> {
    const base: Record<string, unknown> = {
      id: snowflake(),
      application_id: this.applicationId,
      type,
      token: `tok-${snowflake()}-${Math.random().toString(36).slice(2)}`,
      version: 1,
      app_permissions: PERMISSIONS.admin,
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': 'guildId' in where ? where.guildId : user.id },
      attachment_size_limit: 8388608,
    };
    if ('guildId' in where) {
      const g = this.guilds.find((x) => x.id === where.guildId);
      return {
        ...base,
        guild_id: where.guildId,
        guild: { id: where.guildId, locale: 'en-US', features: [] },
        guild_locale: 'en-US',
        channel_id: where.channelId,
        channel: {
          id: where.channelId,
          type: 0,
          guild_id: where.guildId,
          name: g ? `study-${g.channelIds.indexOf(where.channelId) + 1}` : 'study',
          position: 0,
          permission_overwrites: [],
          nsfw: false,
          parent_id: null,
          flags: 0,
          last_message_id: null,
          rate_limit_per_user: 0,
          topic: null,
        },
        member: this.memberPayload(user),
        context: 0,
      };
    }
    if ('privateChannelId' in where) {
      // User install: the user authorised the app (owner key 1 = USER_INSTALL); no guild, no member.
      return {
        ...base,
        authorizing_integration_owners: { '1': user.id },
        channel_id: where.privateChannelId,
        channel: {
          id: where.privateChannelId,
          type: 3,
          name: 'study group',
          last_message_id: null,
          flags: 0,
          owner_id: user.id,
          recipients: [this.userPayload(user)],
        },
        user: this.userPayload(user),
        context: 2,
      };
    }
    return {
      ...base,
      channel_id: where.dmChannelId,
      channel: {
        id: where.dmChannelId,
        type: 1,
        last_message_id: null,
        flags: 0,
        recipients: [this.userPayload(user)],
      },
      user: this.userPayload(user),
      context: 1,
    };
  }

  private deliver(payload: Record<string, unknown>): InteractionRecord {
    const record: InteractionRecord = {
      id: payload.id as string,
      token: payload.token as string,
      type: payload.type as number,
      payload,
      callbacks: [],
      original: undefined,
      followUps: [],
      deleted: false,
      expired: false,
      refused: [],
      posts: [],
    };
    this.interactions.set(record.id, record);
    this.byToken.set(record.token, record);
    this.deliverPayload(record);
    return record;
  }

  private deliverPayload(record: InteractionRecord): void {
    if (this.http === undefined) {
      this.dispatch('INTERACTION_CREATE', record.payload);
      return;
    }
    void this.post(record, this.http);
  }

  /** POSTs the interaction as Discord does, and records the endpoint's answer. */
  private async post(record: InteractionRecord, http: { url: string; privateKey: KeyObject }): Promise<void> {
    const body = JSON.stringify(record.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const res = await fetch(http.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature-ed25519': signInteraction(http.privateKey, timestamp, body),
          'x-signature-timestamp': timestamp,
        },
        body,
      });
      record.posts.push({ status: res.status, body: await res.text() });
    } catch (error) {
      record.posts.push({ status: 0, body: String(error) });
    }
    this.changed();
  }

  private commandId(name: string, where: Where): string {
    const lists = [
      ...('guildId' in where ? [this.commands.get(where.guildId) ?? []] : []),
      this.commands.get('global') ?? [],
    ];
    for (const list of lists) {
      const found = list.find((c) => c.name === name);
      if (found) return found.id as string;
    }
    return snowflake();
  }

  /** A slash command. Options are `{ name: value }`; a `user` option is given as a FakeUser. */
  slash(input: {
    user: FakeUser;
    where: Where;
    name: string;
    options?: Readonly<Record<string, string | FakeUser>>;
  }): InteractionRecord {
    const options: Record<string, unknown>[] = [];
    const users: Record<string, unknown> = {};
    const members: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(input.options ?? {})) {
      if (typeof value === 'string') {
        options.push({ name, type: 3, value });
      } else {
        options.push({ name, type: 6, value: value.id });
        users[value.id] = this.userPayload(value);
        if ('guildId' in input.where) {
          const { user: _user, ...member } = this.memberPayload(value);
          members[value.id] = member;
        }
      }
    }
    const data: Record<string, unknown> = {
      id: this.commandId(input.name, input.where),
      name: input.name,
      type: 1,
      options,
    };
    if (Object.keys(users).length > 0) data.resolved = { users, members };
    if ('guildId' in input.where) data.guild_id = input.where.guildId;
    return this.deliver({ ...this.basePayload(2, input.user, input.where), data });
  }

  /** Autocomplete for a slash command option being typed. */
  autocomplete(input: {
    user: FakeUser;
    where: Where;
    name: string;
    option: string;
    value: string;
  }): InteractionRecord {
    const data = {
      id: this.commandId(input.name, input.where),
      name: input.name,
      type: 1,
      options: [{ name: input.option, type: 3, value: input.value, focused: true }],
    };
    return this.deliver({ ...this.basePayload(4, input.user, input.where), data });
  }

  /** A button click on a message the bot posted. */
  click(input: { user: FakeUser; where: Where; message: FakeMessage; customId: string }): InteractionRecord {
    return this.deliver({
      ...this.basePayload(3, input.user, input.where),
      message: input.message,
      data: { custom_id: input.customId, component_type: 2 },
    });
  }

  /** A modal submitted with the given values, one per text input custom id (LabelBuilder layout). */
  submitModal(input: {
    user: FakeUser;
    where: Where;
    customId: string;
    values: Readonly<Record<string, string>>;
    message?: FakeMessage;
  }): InteractionRecord {
    let id = 1;
    const components = Object.entries(input.values).map(([customId, value]) => ({
      type: 18,
      id: id++,
      component: { type: 4, id: id++, custom_id: customId, value },
    }));
    const payload: Record<string, unknown> = {
      ...this.basePayload(5, input.user, input.where),
      data: { custom_id: input.customId, components },
    };
    if (input.message) payload.message = input.message;
    return this.deliver(payload);
  }

  /** Text inputs of a modal the bot showed: custom id -> label. */
  static modalFields(record: InteractionRecord): { customId: string; label: string; required: boolean }[] {
    const modal = record.callbacks.find((c) => c.type === 9)?.data;
    if (!modal) throw new Error(`interaction ${record.id} showed no modal`);
    const out: { customId: string; label: string; required: boolean }[] = [];
    for (const c of modal.components as Record<string, unknown>[]) {
      if (c.type === 18) {
        const input = c.component as Record<string, unknown>;
        out.push({
          customId: input.custom_id as string,
          label: c.label as string,
          required: input.required !== false,
        });
      } else if (c.type === 1) {
        for (const input of c.components as Record<string, unknown>[]) {
          out.push({
            customId: input.custom_id as string,
            label: input.label as string,
            required: input.required !== false,
          });
        }
      }
    }
    return out;
  }

  /** Delivers the same INTERACTION_CREATE again (as a replay after a reconnect could). */
  redeliver(record: InteractionRecord): void {
    this.deliverPayload(record);
  }

  /** Makes the interaction's token invalid, as if more than 3 s (callback) or 15 min (webhook) had passed. */
  expire(record: InteractionRecord): void {
    record.expired = true;
  }

  // ---------------------------------------------------------------- REST

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = undefined;
    if (raw.length > 0) {
      const type = req.headers['content-type'] ?? '';
      if (type.includes('application/json')) body = JSON.parse(raw) as unknown;
      else if (type.includes('multipart/form-data')) body = parseMultipartPayload(raw);
      else body = raw;
    }
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      auth: req.headers.authorization,
      body,
      status: 0,
    };
    this.calls.push(call);
    if (this.holding?.(call)) {
      const released = new Promise<void>((resolve) => this.held.push({ call, release: resolve }));
      this.changed();
      await released;
    }
    const limit = this.rateLimits.findIndex((r) => r.matches(call));
    if (limit >= 0) {
      const { retryAfter } = this.rateLimits.splice(limit, 1)[0]!;
      call.status = 429;
      this.rateLimited.push(call);
      const text = JSON.stringify({
        message: 'You are being rate limited.',
        retry_after: retryAfter,
        global: false,
      });
      res.writeHead(429, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        'retry-after': String(retryAfter),
        'x-ratelimit-scope': 'user',
      });
      res.end(text);
      this.changed();
      return;
    }
    const reply = (status: number, json?: unknown): void => {
      call.status = status;
      if (json === undefined) {
        res.writeHead(status);
        res.end();
      } else {
        const text = JSON.stringify(json);
        res.writeHead(status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
      }
      this.changed();
    };
    try {
      this.route(call, reply);
    } catch (error) {
      reply(500, { message: `fake discord error: ${String(error)}`, code: 0 });
    }
  }

  private route(call: RecordedCall, reply: (status: number, json?: unknown) => void): void {
    const { method, path } = call;
    const unknown = (): void => {
      this.unknownRoutes.push(call);
      reply(404, { message: '404: Not Found', code: 0 });
    };
    const needsBot = (): boolean => {
      if (call.auth?.startsWith('Bot ') && !this.rejectToken) return true;
      reply(401, { message: '401: Unauthorized', code: 0 });
      return false;
    };

    if (method === 'GET' && path === '/gateway/bot') {
      if (!needsBot()) return;
      reply(200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14400000, max_concurrency: 1 },
      });
      return;
    }

    let m = /^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/.exec(path);
    if (m) {
      if (!needsBot()) return;
      if (m[1] !== this.applicationId) {
        reply(403, { message: 'Missing Access', code: 50001 });
        return;
      }
      const key = m[2] ?? 'global';
      if (m[2] !== undefined && !this.guilds.some((g) => g.id === m![2])) {
        reply(403, { message: 'Missing Access', code: 50001 });
        return;
      }
      if (method === 'PUT') {
        const list = (call.body as Record<string, unknown>[]).map((c) => ({
          ...c,
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          type: c.type ?? 1,
          ...(m![2] !== undefined ? { guild_id: m![2] } : {}),
          default_member_permissions: c.default_member_permissions ?? null,
          nsfw: false,
        }));
        this.commands.set(key, list);
        reply(200, list);
        return;
      }
      if (method === 'GET') {
        reply(200, this.commands.get(key) ?? []);
        return;
      }
      unknown();
      return;
    }

    m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (m && method === 'POST') {
      const record = this.byToken.get(m[2]!);
      if (!record || record.id !== m[1] || record.expired) {
        if (record) record.refused.push({ path, code: 10062 });
        reply(404, { message: 'Unknown interaction', code: 10062 });
        return;
      }
      if (record.callbacks.length > 0) {
        record.refused.push({ path, code: 40060 });
        reply(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
        return;
      }
      const { type, data } = call.body as { type: number; data?: Record<string, unknown> };
      record.callbacks.push({ type, data });
      let message: FakeMessage | undefined;
      if (type === 4) {
        message = this.createMessage(record, data ?? {});
        record.original = message;
      } else if (type === 7) {
        const clicked = record.payload.message as FakeMessage | undefined;
        if (clicked) {
          message = { ...clicked, ...this.messageFields(data ?? {}) };
          this.messages.set(message.id, message);
          record.original = message;
        }
      }
      if (call.query.with_response === 'true') {
        reply(200, {
          interaction: {
            id: record.id,
            type: record.type,
            activity_instance_id: null,
            response_message_id: message?.id ?? null,
            response_message_loading: type === 5,
            response_message_ephemeral: ((data?.flags as number | undefined) ?? 0) & 64 ? true : false,
          },
          resource: message ? { type, message } : { type },
        });
      } else {
        reply(204);
      }
      return;
    }

    m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path);
    if (m) {
      const record = this.byToken.get(m[2]!);
      if (!record || m[1] !== this.applicationId || record.expired) {
        if (record) record.refused.push({ path, code: 10015 });
        reply(404, { message: 'Unknown Webhook', code: 10015 });
        return;
      }
      const target = m[3];
      if (target === undefined && method === 'POST') {
        const message = this.createMessage(record, (call.body as Record<string, unknown>) ?? {});
        record.followUps.push(message);
        reply(200, message);
        return;
      }
      if (target !== undefined) {
        const message =
          target === '@original'
            ? this.originalOrDeferred(record)
            : (record.followUps.find((f) => f.id === target) ?? undefined);
        if (!message) {
          reply(404, { message: 'Unknown Message', code: 10008 });
          return;
        }
        if (method === 'GET') {
          reply(200, message);
          return;
        }
        if (method === 'PATCH') {
          Object.assign(
            message,
            this.messageFields((call.body as Record<string, unknown>) ?? {}, message.flags),
          );
          if (target === '@original') record.original = message;
          reply(200, message);
          return;
        }
        if (method === 'DELETE') {
          if (target === '@original') record.deleted = true;
          this.messages.delete(message.id);
          reply(204);
          return;
        }
      }
      unknown();
      return;
    }

    unknown();
  }

  /** A deferred reply has a loading message to edit; a modal-only interaction has none. */
  private originalOrDeferred(record: InteractionRecord): FakeMessage | undefined {
    if (record.original) return record.original;
    const deferred = record.callbacks.find((c) => c.type === 5);
    if (!deferred) return undefined;
    const message = this.createMessage(record, {
      content: '',
      flags: ((deferred.data?.flags as number) ?? 0) | 128,
    });
    return message;
  }

  private messageFields(data: Record<string, unknown>, keepFlags = 0): Partial<FakeMessage> {
    const out: Partial<FakeMessage> = {};
    if ('content' in data) out.content = (data.content as string | null) ?? '';
    if ('embeds' in data) out.embeds = (data.embeds as unknown[] | null) ?? [];
    if ('components' in data) out.components = (data.components as unknown[] | null) ?? [];
    if ('allowed_mentions' in data) out.allowed_mentions = data.allowed_mentions;
    // Editing a deferred reply clears the loading flag (128) but keeps ephemeral (64).
    out.flags = (((data.flags as number | undefined) ?? keepFlags) & ~128) | (keepFlags & 64);
    return out;
  }

  private createMessage(record: InteractionRecord, data: Record<string, unknown>): FakeMessage {
    const payload = record.payload;
    const user =
      (payload.user as Record<string, unknown> | undefined) ??
      ((payload.member as Record<string, unknown> | undefined)?.user as Record<string, unknown>);
    const message: FakeMessage = {
      id: snowflake(),
      channel_id: payload.channel_id as string,
      type: record.type === 2 ? 20 : 19,
      author: this.botUser,
      content: (data.content as string | undefined) ?? '',
      embeds: (data.embeds as unknown[] | undefined) ?? [],
      components: (data.components as unknown[] | undefined) ?? [],
      flags: (data.flags as number | undefined) ?? 0,
      allowed_mentions: data.allowed_mentions,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      interaction_metadata: {
        id: record.id,
        type: record.type,
        user,
        authorizing_integration_owners: payload.authorizing_integration_owners,
      },
    };
    if (payload.guild_id !== undefined) message.guild_id = payload.guild_id;
    this.messages.set(message.id, message);
    return message;
  }
}

/** `payload_json` of a multipart body (discord.js sends multipart only with attachments). */
function parseMultipartPayload(raw: string): unknown {
  const m = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
  return m ? (JSON.parse(m[1]!) as unknown) : raw;
}
