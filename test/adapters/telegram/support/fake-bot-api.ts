/**
 * A fake Telegram Bot API on 127.0.0.1 for end-to-end tests with the real grammY client (see
 * /work/shared/notes/telegram-offline.md). It speaks `POST /bot<token>/<method>` with JSON, long-polls getUpdates
 * (offset confirms, 409 for a second poller or while a webhook is set), delivers updates to a webhook like
 * Telegram does (secret header, redelivery on a non-200), validates HTML like the real parser, keeps every chat's
 * messages, and injects faults (the next N calls of a method answer 429 with retry_after, or 5xx).
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';
import { parseTelegramHtml } from './telegram-html.js';

export type ApiResult =
  | { ok: true; result: unknown }
  | {
      ok: false;
      error_code: number;
      description: string;
      parameters?: { retry_after?: number; migrate_to_chat_id?: number };
    };

export interface ApiCall {
  readonly index: number;
  readonly method: string;
  readonly payload: Record<string, unknown>;
  readonly response: ApiResult;
}

export interface Failure {
  readonly error_code: number;
  readonly description?: string;
  readonly retry_after?: number;
}

export interface Delivery {
  readonly updateId: number;
  /** HTTP status of the webhook's answer, or 0 when the connection failed. */
  readonly status: number;
}

/** An update before the fake assigns its id. */
export type NewUpdate = Omit<Update, 'update_id'>;

type Payload = Record<string, unknown>;

interface PollWaiter {
  readonly offset: number;
  readonly limit: number;
  answer(result: ApiResult): void;
}

const err = (error_code: number, description: string, retry_after?: number): ApiResult =>
  retry_after === undefined
    ? { ok: false, error_code, description }
    : { ok: false, error_code, description, parameters: { retry_after } };

export interface FakeBotApiOptions {
  readonly token?: string;
  readonly username?: string;
  /** Webhook mode: how many times an update is re-posted after a non-200 answer (Telegram keeps trying). */
  readonly webhookRetries?: number;
  /**
   * Enforce Telegram's flood limits on messages sent or edited: beyond them a call gets 429 with `retry_after`
   * (seconds, fractional when the limits are compressed for a fast test).
   */
  readonly limits?: FloodLimits;
}

export interface FloodWindow {
  readonly count: number;
  readonly windowMs: number;
}

export interface FloodLimits {
  readonly perBot: FloodWindow;
  readonly privateChat: FloodWindow;
  readonly groupChat: FloodWindow;
}

/** Telegram's documented limits: ~30 messages/s per bot, 1/s into a private chat, 20/min into a group. */
export const TELEGRAM_FLOOD_LIMITS: FloodLimits = {
  perBot: { count: 30, windowMs: 1000 },
  privateChat: { count: 1, windowMs: 1000 },
  groupChat: { count: 20, windowMs: 60_000 },
};

/** The same limits with time running `factor` times faster. */
export function compressedLimits(limits: FloodLimits, factor: number): FloodLimits {
  const scale = (w: FloodWindow): FloodWindow => ({ count: w.count, windowMs: w.windowMs / factor });
  return {
    perBot: scale(limits.perBot),
    privateChat: scale(limits.privateChat),
    groupChat: scale(limits.groupChat),
  };
}

const FLOOD_METHODS = new Set([
  'sendMessage',
  'editMessageText',
  'sendPhoto',
  'copyMessage',
  'forwardMessage',
]);

/** Arrival times of accepted messages within a limit. */
class FloodCounter {
  private times: number[] = [];

  constructor(readonly limit: FloodWindow) {}

  /** 0 when one more message is allowed now; else the seconds until it is. */
  retryAfter(now: number): number {
    this.times = this.times.filter((t) => t > now - this.limit.windowMs);
    if (this.times.length < this.limit.count) return 0;
    const oldest = this.times[this.times.length - this.limit.count] ?? now;
    return Math.max(0.001, (oldest + this.limit.windowMs - now) / 1000);
  }

  add(now: number): void {
    this.times.push(now);
  }
}

export class FakeBotApi {
  readonly token: string;
  readonly bot: UserFromGetMe;
  readonly calls: ApiCall[] = [];
  readonly deliveries: Delivery[] = [];
  /** Commands published with setMyCommands, by scope type ('default', 'all_private_chats', ...). */
  readonly commands = new Map<string, BotCommand[]>();
  webhook: { url: string; secret?: string } | undefined;
  /** Webhook target overriding the registered URL (tests know the port only after the server started). */
  deliverTo: string | undefined;

  private readonly server: Server;
  private readonly queue: Update[] = [];
  private readonly forced = new Set<number>();
  private poller: PollWaiter | undefined;
  private nextUpdateId = 1;
  private readonly chats = new Map<number, Chat>();
  private readonly messages = new Map<string, Message>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly hanging = new Map<string, number>();
  private hung = 0;
  private readonly callWaiters: { pred: (c: ApiCall) => boolean; resolve: (c: ApiCall) => void }[] = [];
  private readonly webhookRetries: number;
  private readonly deliveriesDone = new Map<number, Promise<void>>();
  private nextCallbackId = 1;
  private closed = false;
  private readonly limits: FloodLimits | undefined;
  private readonly perBot: FloodCounter | undefined;
  private readonly perChat = new Map<number, FloodCounter>();

  private constructor(options: FakeBotApiOptions) {
    this.server = createServer((req, res) => {
      void this.onRequest(req, res);
    });
    // Shaped like a real token, so the log scans look for what a real one would leak.
    this.token = options.token ?? '7123456789:AAHfakeTokenForTestsOnly_abcdefghij';
    this.webhookRetries = options.webhookRetries ?? 3;
    this.limits = options.limits;
    this.perBot = options.limits ? new FloodCounter(options.limits.perBot) : undefined;
    this.bot = {
      id: Number(this.token.split(':')[0]),
      is_bot: true,
      first_name: 'Study Bot',
      username: options.username ?? 'StudyTestBot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
    } as UserFromGetMe;
  }

  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const fake = new FakeBotApi(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.poller?.answer({ ok: true, result: [] });
    this.poller = undefined;
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await done;
  }

  // ---- feeding updates -------------------------------------------------------------------------------------

  /** Queues an update for getUpdates, or posts it to the webhook when one is set. Returns its update_id. */
  pushUpdate(update: NewUpdate): number {
    const full = { ...update, update_id: this.nextUpdateId++ };
    this.remember(full);
    this.offer(full);
    return full.update_id;
  }

  /** Assigns an id and registers the update's chat and message without delivering it (a caller posts it itself). */
  prepare(update: NewUpdate): Update {
    const full = { ...update, update_id: this.nextUpdateId++ };
    this.remember(full);
    return full;
  }

  /** Delivers an already-delivered update again, as Telegram does when it was not confirmed. */
  redeliver(updateId: number, update: NewUpdate): void {
    const full = { ...update, update_id: updateId };
    this.forced.add(updateId);
    this.offer(full);
  }

  private offer(update: Update): void {
    if (this.webhook || this.deliverTo !== undefined) {
      const previous = this.deliveriesDone.get(update.update_id) ?? Promise.resolve();
      this.deliveriesDone.set(
        update.update_id,
        previous.then(() => this.deliver(update)),
      );
      return;
    }
    this.queue.push(update);
    this.queue.sort((a, b) => a.update_id - b.update_id);
    this.flushPoller();
  }

  /** Builds a text message from a person; commands get their bot_command entity like Telegram adds it. */
  message(input: { chat: Chat; from: User; text: string; replyTo?: Message }): NewUpdate {
    const message = {
      message_id: this.allocateMessageId(input.chat.id),
      date: Math.floor(Date.now() / 1000),
      chat: input.chat,
      from: input.from,
      text: input.text,
      ...(commandEntity(input.text) ? { entities: [commandEntity(input.text)] } : {}),
      ...(input.replyTo ? { reply_to_message: stripReply(input.replyTo) } : {}),
    } as Message;
    return { message } as NewUpdate;
  }

  /** A non-text message (a sticker) from a person. */
  sticker(input: { chat: Chat; from: User }): NewUpdate {
    return {
      message: {
        message_id: this.allocateMessageId(input.chat.id),
        date: Math.floor(Date.now() / 1000),
        chat: input.chat,
        from: input.from,
        sticker: {
          file_id: 'sticker-1',
          file_unique_id: 'u1',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      },
    } as NewUpdate;
  }

  /** A button press on one of the bot's messages. */
  callback(input: { from: User; message: Message; data: string }): NewUpdate {
    const id = `cq${this.nextCallbackId++}`;
    this.callbackQueries.set(id, { answered: false });
    return {
      callback_query: {
        id,
        from: input.from,
        message: input.message,
        chat_instance: `ci${input.message.chat.id}`,
        data: input.data,
      },
    };
  }

  // ---- inspecting what the bot did -------------------------------------------------------------------------

  /** Resolves with the first call (already made or future) matching the predicate. */
  waitForCall(
    pred: (call: ApiCall) => boolean,
    options: { from?: number; timeoutMs?: number } = {},
  ): Promise<ApiCall> {
    const existing = this.calls.slice(options.from ?? 0).find(pred);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching Bot API call within ${options.timeoutMs ?? 5000} ms`)),
        options.timeoutMs ?? 5000,
      );
      this.callWaiters.push({
        pred: (c) => c.index >= (options.from ?? 0) && pred(c),
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  /** Index to pass to `callsSince` / `sentSince`. */
  mark(): number {
    return this.calls.length;
  }

  callsSince(mark: number, method?: string): ApiCall[] {
    return this.calls.slice(mark).filter((c) => method === undefined || c.method === method);
  }

  /** Messages the bot sent successfully since the mark (parsed text, HTML source, the Message returned). */
  sentSince(mark: number): { html: string; text: string; message: Message.TextMessage; payload: Payload }[] {
    return this.callsSince(mark, 'sendMessage')
      .filter((c) => c.response.ok)
      .map((c) => {
        const message = (c.response as { result: Message.TextMessage }).result;
        return { html: String(c.payload.text), text: message.text, message, payload: c.payload };
      });
  }

  /** Every message the bot sent to a chat, in order. */
  sentTo(chatId: number): Message.TextMessage[] {
    return this.sentSince(0)
      .map((s) => s.message)
      .filter((m) => m.chat.id === chatId);
  }

  /** Webhook mode: waits until Telegram's delivery of the update is over and returns every attempt's status. */
  async deliveriesOf(updateId: number): Promise<number[]> {
    await this.deliveriesDone.get(updateId);
    return this.deliveries.filter((d) => d.updateId === updateId).map((d) => d.status);
  }

  /** The current text of a message (after any edits), as Telegram shows it. */
  textOf(chatId: number, messageId: number): string | undefined {
    const m = this.messages.get(`${chatId}:${messageId}`);
    return m && 'text' in m ? m.text : undefined;
  }

  callbackAnswered(id: string): boolean {
    return this.callbackQueries.get(id)?.answered ?? false;
  }

  // ---- fault injection -------------------------------------------------------------------------------------

  /** The next `count` calls of `method` are never answered (a hung Bot API); the fake's close() ends them. */
  hangNext(method: string, count: number): void {
    this.hanging.set(method, (this.hanging.get(method) ?? 0) + count);
  }

  /** Calls left hanging so far. */
  get hungCalls(): number {
    return this.hung;
  }

  /** The next `count` calls of `method` fail with this error (429 + retry_after, 500, 400 ...). */
  failNext(method: string, count: number, failure: Failure): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < count; i++) list.push(failure);
    this.failures.set(method, list);
  }

  /** The 429s the fake answered. */
  rateLimitedCalls(): ApiCall[] {
    return this.calls.filter((c) => !c.response.ok && c.response.error_code === 429);
  }

  /** Enforces the flood limits; undefined when the message may go, else retry_after in seconds. */
  private floodCheck(method: string, p: Payload): number | undefined {
    if (!this.limits || !this.perBot || !FLOOD_METHODS.has(method)) return undefined;
    const chatId = Number(p.chat_id);
    let chat = this.perChat.get(chatId);
    if (!chat) {
      chat = new FloodCounter(chatId > 0 ? this.limits.privateChat : this.limits.groupChat);
      this.perChat.set(chatId, chat);
    }
    const now = performance.now();
    const wait = Math.max(chat.retryAfter(now), this.perBot.retryAfter(now));
    if (wait > 0) return wait;
    chat.add(now);
    this.perBot.add(now);
    return undefined;
  }

  // ---- HTTP ------------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
    const body = await readAll(req);
    const send = (result: ApiResult): void => {
      if (res.writableEnded || res.destroyed) return;
      const json = JSON.stringify(result);
      res.writeHead(result.ok ? 200 : result.error_code, { 'content-type': 'application/json' });
      res.end(json);
    };
    if (!m) return send(err(404, 'Not Found'));
    if (m[1] !== this.token) return send(err(401, 'Unauthorized'));
    const method = m[2] ?? '';
    let payload: Payload;
    try {
      payload = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as Payload);
    } catch {
      return send(err(400, 'Bad Request: invalid JSON'));
    }
    const record = (response: ApiResult): void => {
      const call = { index: this.calls.length, method, payload, response };
      this.calls.push(call);
      for (const w of [...this.callWaiters]) {
        if (w.pred(call)) {
          this.callWaiters.splice(this.callWaiters.indexOf(w), 1);
          w.resolve(call);
        }
      }
      send(response);
    };
    const hangs = this.hanging.get(method) ?? 0;
    if (hangs > 0) {
      this.hanging.set(method, hangs - 1);
      this.hung++;
      return;
    }
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      const description =
        failure.description ??
        (failure.error_code === 429
          ? `Too Many Requests: retry after ${failure.retry_after ?? 1}`
          : 'Internal Server Error');
      return record(err(failure.error_code, description, failure.retry_after));
    }
    if (method === 'getUpdates') return this.getUpdates(payload, req, record);
    const flood = this.floodCheck(method, payload);
    if (flood !== undefined) {
      return record(err(429, `Too Many Requests: retry after ${flood}`, flood));
    }
    record(this.dispatch(method, payload));
  }

  private getUpdates(payload: Payload, req: IncomingMessage, record: (r: ApiResult) => void): void {
    if (this.webhook) {
      return record(
        err(
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        ),
      );
    }
    const offset = typeof payload.offset === 'number' ? payload.offset : 0;
    const limit = typeof payload.limit === 'number' ? payload.limit : 100;
    const timeout = typeof payload.timeout === 'number' ? payload.timeout : 0;
    this.confirm(offset);
    // A second poller terminates the first, like Telegram.
    this.poller?.answer(
      err(
        409,
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      ),
    );
    this.poller = undefined;
    const ready = this.take(offset, limit);
    if (ready.length > 0 || timeout <= 0 || this.closed) return record({ ok: true, result: ready });
    let done = false;
    const waiter: PollWaiter = {
      offset,
      limit,
      answer: (result) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (this.poller === waiter) this.poller = undefined;
        record(result);
      },
    };
    const timer = setTimeout(() => waiter.answer({ ok: true, result: [] }), timeout * 1000);
    // The client aborted (bot.stop): forget the request.
    req.socket.once('close', () => {
      if (this.poller === waiter) this.poller = undefined;
      done = true;
      clearTimeout(timer);
    });
    this.poller = waiter;
  }

  private confirm(offset: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const u = this.queue[i]!;
      if (u.update_id < offset && !this.forced.has(u.update_id)) this.queue.splice(i, 1);
    }
  }

  private take(offset: number, limit: number): Update[] {
    const ready = this.queue
      .filter((u) => u.update_id >= offset || this.forced.has(u.update_id))
      .slice(0, limit);
    for (const u of ready) this.forced.delete(u.update_id);
    return ready;
  }

  private flushPoller(): void {
    const p = this.poller;
    if (!p) return;
    const ready = this.take(p.offset, p.limit);
    if (ready.length > 0) p.answer({ ok: true, result: ready });
  }

  private async deliver(update: Update): Promise<void> {
    const url = this.deliverTo ?? this.webhook?.url;
    if (url === undefined) return;
    for (let attempt = 0; attempt <= this.webhookRetries && !this.closed; attempt++) {
      const status = await postJson(url, update, this.webhook?.secret);
      this.deliveries.push({ updateId: update.update_id, status });
      if (status === 200) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  // ---- methods ---------------------------------------------------------------------------------------------

  private dispatch(method: string, p: Payload): ApiResult {
    switch (method) {
      case 'getMe':
        return { ok: true, result: this.bot };
      case 'deleteWebhook':
        this.webhook = undefined;
        if (p.drop_pending_updates === true) this.queue.length = 0;
        return { ok: true, result: true };
      case 'setWebhook': {
        if (typeof p.url !== 'string' || p.url === '')
          return err(400, 'Bad Request: bad webhook: URL is empty');
        if (
          p.secret_token !== undefined &&
          (typeof p.secret_token !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(p.secret_token))
        ) {
          return err(400, 'Bad Request: secret token contains unallowed characters');
        }
        this.webhook = {
          url: p.url,
          ...(typeof p.secret_token === 'string' ? { secret: p.secret_token } : {}),
        };
        return { ok: true, result: true };
      }
      case 'getWebhookInfo':
        return {
          ok: true,
          result: { url: this.webhook?.url ?? '', pending_update_count: this.queue.length },
        };
      case 'setMyCommands':
        return this.setMyCommands(p);
      case 'getMyCommands': {
        const scope = (p.scope as { type?: string } | undefined)?.type ?? 'default';
        return { ok: true, result: this.commands.get(scope) ?? [] };
      }
      case 'sendMessage':
        return this.sendMessage(p);
      case 'editMessageText':
        return this.editMessageText(p);
      case 'answerCallbackQuery':
        return this.answerCallbackQuery(p);
      case 'sendChatAction':
      case 'deleteMessage':
        return { ok: true, result: true };
      default:
        return err(404, 'Not Found: method not found');
    }
  }

  private setMyCommands(p: Payload): ApiResult {
    const commands = p.commands;
    if (!Array.isArray(commands) || commands.length > 100)
      return err(400, 'Bad Request: commands must be a list');
    for (const c of commands as BotCommand[]) {
      if (!/^[a-z0-9_]{1,32}$/.test(c.command)) return err(400, 'Bad Request: BOT_COMMAND_INVALID');
      if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) {
        return err(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
      }
    }
    const scope = (p.scope as { type?: string } | undefined)?.type ?? 'default';
    this.commands.set(scope, commands as BotCommand[]);
    return { ok: true, result: true };
  }

  private checkText(p: Payload): { ok: true; text: string } | { ok: false; result: ApiResult } {
    if (typeof p.text !== 'string')
      return { ok: false, result: err(400, 'Bad Request: message text is empty') };
    let text = p.text;
    if (p.parse_mode === 'HTML') {
      const parsed = parseTelegramHtml(p.text);
      if (!parsed.ok) return { ok: false, result: err(400, parsed.description) };
      text = parsed.text;
    } else if (p.parse_mode !== undefined) {
      return {
        ok: false,
        result: err(400, `Bad Request: unsupported parse_mode ${JSON.stringify(p.parse_mode)}`),
      };
    }
    text = text.trim();
    if (text === '') return { ok: false, result: err(400, 'Bad Request: message text is empty') };
    if (text.length > 4096) return { ok: false, result: err(400, 'Bad Request: message is too long') };
    const markupError = checkMarkup(p.reply_markup);
    if (markupError) return { ok: false, result: err(400, markupError) };
    return { ok: true, text };
  }

  private sendMessage(p: Payload): ApiResult {
    const chat = this.chats.get(Number(p.chat_id));
    if (!chat) return err(400, 'Bad Request: chat not found');
    const checked = this.checkText(p);
    if (!checked.ok) return checked.result;
    const replyParams = p.reply_parameters as
      { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    let replyTo: Message | undefined;
    if (replyParams?.message_id !== undefined) {
      replyTo = this.messages.get(`${chat.id}:${replyParams.message_id}`);
      if (!replyTo && replyParams.allow_sending_without_reply !== true) {
        return err(400, 'Bad Request: message to be replied not found');
      }
    }
    const message = {
      message_id: this.allocateMessageId(chat.id),
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username },
      text: checked.text,
      ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
      ...(replyTo ? { reply_to_message: stripReply(replyTo) } : {}),
      ...(typeof p.message_thread_id === 'number' ? { message_thread_id: p.message_thread_id } : {}),
    } as Message.TextMessage;
    this.messages.set(`${chat.id}:${message.message_id}`, message);
    return { ok: true, result: message };
  }

  private editMessageText(p: Payload): ApiResult {
    const key = `${Number(p.chat_id)}:${Number(p.message_id)}`;
    const existing = this.messages.get(key) as Message.TextMessage | undefined;
    if (!existing) return err(400, 'Bad Request: message to edit not found');
    const checked = this.checkText(p);
    if (!checked.ok) return checked.result;
    if (
      existing.text === checked.text &&
      JSON.stringify(existing.reply_markup) === JSON.stringify(p.reply_markup)
    ) {
      return err(
        400,
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    const edited = {
      ...existing,
      text: checked.text,
      edit_date: Math.floor(Date.now() / 1000),
    } as Message.TextMessage;
    this.messages.set(key, edited);
    return { ok: true, result: edited };
  }

  private answerCallbackQuery(p: Payload): ApiResult {
    const q = this.callbackQueries.get(String(p.callback_query_id));
    if (!q || q.answered) {
      return err(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
    }
    if (typeof p.text === 'string' && p.text.length > 200) return err(400, 'Bad Request: MESSAGE_TOO_LONG');
    q.answered = true;
    return { ok: true, result: true };
  }

  // ---- bookkeeping -----------------------------------------------------------------------------------------

  private remember(update: Update): void {
    const m = update.message ?? update.callback_query?.message;
    if (m) this.chats.set(m.chat.id, m.chat);
    if (update.message)
      this.messages.set(`${update.message.chat.id}:${update.message.message_id}`, update.message);
  }

  private allocateMessageId(chatId: number): number {
    const next = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, next);
    return next;
  }
}

/** Telegram marks a leading /command (with its @BotName) with a bot_command entity. */
function commandEntity(text: string): { type: 'bot_command'; offset: 0; length: number } | undefined {
  const m = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,64})?/.exec(text);
  return m ? { type: 'bot_command', offset: 0, length: m[0].length } : undefined;
}

/** A message inside reply_to_message carries no further reply_to_message (like Telegram). */
function stripReply(m: Message): Message {
  const { reply_to_message: _ignored, ...rest } = m as Message & { reply_to_message?: unknown };
  return rest;
}

function checkMarkup(markup: unknown): string | undefined {
  if (markup === undefined) return undefined;
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows)) return 'Bad Request: unsupported reply markup';
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row)) return 'Bad Request: inline keyboard rows must be arrays';
    for (const b of row as { text?: unknown; callback_data?: unknown }[]) {
      if (typeof b.text !== 'string' || b.text === '') return 'Bad Request: BUTTON_TEXT_INVALID';
      if (typeof b.callback_data === 'string' && Buffer.byteLength(b.callback_data) > 64) {
        return 'Bad Request: BUTTON_DATA_INVALID';
      }
    }
  }
  return undefined;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** POSTs JSON like Telegram's webhook delivery; resolves with the status (0 when the connection failed). */
export function postJson(url: string, body: unknown, secret?: string): Promise<number> {
  return new Promise((resolve) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(data.length),
          ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(data);
  });
}
