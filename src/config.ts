/**
 * Configuration: the only module that reads environment variables. `loadConfig(process.env)` validates every
 * variable once at start-up and throws a ConfigError that lists every bad or missing key by name, so an operator
 * fixes them all in one go. `.env.example` documents each variable.
 */
import type { DiscordConfig, DiscordInteractionsConfig } from './adapters/discord/settings.js';
import type { TelegramConfig } from './adapters/telegram/config.js';
import type { LogLevel } from './logger.js';

export const DEFAULT_DATABASE_URL = 'file:./data/studybot.db';
export const DEFAULT_WEBHOOK_PORT = 8080;
export const DEFAULT_DISCORD_INTERACTIONS_PORT = 8082;
export const DEFAULT_DISCORD_INTERACTIONS_PATH = '/discord/interactions';
export const DEFAULT_HTTP_PORT = 9090;

export interface OpsConfig {
  /** Port of the health and metrics server (HTTP_PORT); the server is off when HTTP_PORT is unset. */
  readonly port: number;
  readonly host: string;
}

export interface Config {
  /** `file:<path>` (SQLite, the default), `postgresql://...` / `postgres://...`, or `memory:` (nothing persisted). */
  readonly databaseUrl: string;
  readonly databaseKind: 'sqlite' | 'postgres' | 'memory';
  /** STORE_TIMEOUT_MS: how long a store call waits for the database before "try again in a moment" (5000). */
  readonly storeTimeoutMs: number;
  /** DATABASE_POOL_SIZE: PostgreSQL connections per instance (10). */
  readonly poolSize: number;
  /** EVENT_WINDOW_HOURS: how long platform event ids are kept for idempotency (72). */
  readonly eventWindowHours: number;
  readonly logLevel: LogLevel;
  /** Present when DISCORD_TOKEN is set. */
  readonly discord?: DiscordConfig;
  /** Present when TELEGRAM_BOT_TOKEN is set. */
  readonly telegram?: TelegramConfig;
  /** Shared per-user rate limits across instances (REDIS_URL); without it PostgreSQL shares them, else memory. */
  readonly redisUrl?: string;
  /** Terminal colours: off when NO_COLOR is set (https://no-color.org); the terminal also needs a TTY. */
  readonly color: boolean;
  /** GET /healthz and GET /metrics: present when HTTP_PORT is set. */
  readonly ops?: OpsConfig;
  /**
   * STUDYBOT_TERMINAL=1: open the terminal session even though stdin is not a TTY (piped input, tests). Without it
   * and without a TTY, a start with no platform token is an error rather than a session on a closed stdin.
   */
  readonly terminalWithoutTty?: true;
}

export interface ConfigIssue {
  /** The environment variable at fault. */
  readonly key: string;
  readonly message: string;
}

/** Thrown by loadConfig; `issues` names every bad variable. Its message is safe to print to an operator. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.key}: ${i.message}`).join('\n')}`);
  }
}

/** Every variable the bot reads (documented in .env.example). */
export const CONFIG_KEYS = [
  'DATABASE_URL',
  'STORE_TIMEOUT_MS',
  'DATABASE_POOL_SIZE',
  'EVENT_WINDOW_HOURS',
  'LOG_LEVEL',
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_BASE',
  'DISCORD_PUBLIC_KEY',
  'DISCORD_INTERACTIONS_PORT',
  'DISCORD_INTERACTIONS_HOST',
  'DISCORD_INTERACTIONS_PATH',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_API_ROOT',
  'TELEGRAM_WEBHOOK_URL',
  'TELEGRAM_WEBHOOK_SECRET',
  'TELEGRAM_WEBHOOK_PORT',
  'TELEGRAM_WEBHOOK_HOST',
  'PORT',
  'REDIS_URL',
  'NO_COLOR',
  'HTTP_PORT',
  'HTTP_HOST',
  'STUDYBOT_TERMINAL',
] as const;

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const SNOWFLAKE = /^\d{17,20}$/;
const TELEGRAM_TOKEN = /^\d+:[A-Za-z0-9_-]+$/;
/** Telegram's rule for secret_token: 1-256 characters A-Z, a-z, 0-9, _ and -. */
const WEBHOOK_SECRET = /^[A-Za-z0-9_-]{1,256}$/;
const ED25519_PUBLIC_KEY = /^[0-9a-fA-F]{64}$/;
const URL_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

/**
 * Reads and validates the configuration. Empty strings count as unset (so `KEY=` in a .env file disables a
 * platform). Throws ConfigError listing every problem.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const issues: ConfigIssue[] = [];
  const get = (key: (typeof CONFIG_KEYS)[number]): string | undefined => {
    const v = env[key]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const bad = (key: string, message: string): void => {
    issues.push({ key, message });
  };

  const databaseUrl = get('DATABASE_URL') ?? DEFAULT_DATABASE_URL;
  const databaseKind = databaseKindOf(databaseUrl);
  if (databaseKind === undefined) {
    bad(
      'DATABASE_URL',
      'must be file:<path> (SQLite), postgresql://user@host:port/db (PostgreSQL) or memory: (nothing saved)',
    );
  } else if (databaseKind === 'sqlite' && databaseUrl.slice('file:'.length).trim() === '') {
    bad('DATABASE_URL', 'file: needs a path, e.g. file:./data/studybot.db');
  } else if (databaseKind === 'postgres' && !isUrl(databaseUrl, ['postgres:', 'postgresql:'])) {
    bad('DATABASE_URL', 'is not a valid PostgreSQL URL, e.g. postgresql://user:password@host:5432/studybot');
  }

  const positive = (
    key: 'STORE_TIMEOUT_MS' | 'DATABASE_POOL_SIZE' | 'EVENT_WINDOW_HOURS',
    fallback: number,
  ) => {
    const text = get(key);
    const value = text === undefined ? fallback : Number(text);
    if (Number.isInteger(value) && value > 0) return value;
    bad(key, 'must be a whole number above 0');
    return fallback;
  };
  const storeTimeoutMs = positive('STORE_TIMEOUT_MS', 5000);
  const poolSize = positive('DATABASE_POOL_SIZE', 10);
  const eventWindowHours = positive('EVENT_WINDOW_HOURS', 72);

  const level = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  const logLevel = LOG_LEVELS.find((l) => l === level);
  if (logLevel === undefined) bad('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  const discord = readDiscord(get, bad);
  const telegram = readTelegram(get, bad);
  const redisUrl = get('REDIS_URL');
  if (redisUrl !== undefined && !isUrl(redisUrl, ['redis:', 'rediss:'])) {
    bad('REDIS_URL', 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379');
  }
  const ops = readOps(get, bad);

  if (issues.length > 0) throw new ConfigError(issues);
  return {
    databaseUrl,
    databaseKind: databaseKind ?? 'sqlite',
    storeTimeoutMs,
    poolSize,
    eventWindowHours,
    logLevel: logLevel ?? 'info',
    ...(discord ? { discord } : {}),
    ...(telegram ? { telegram } : {}),
    ...(redisUrl !== undefined ? { redisUrl } : {}),
    color: get('NO_COLOR') === undefined,
    ...(ops ? { ops } : {}),
    ...(get('STUDYBOT_TERMINAL') === '1' ? { terminalWithoutTty: true as const } : {}),
  };
}

function readOps(get: Getter, bad: Reporter): OpsConfig | undefined {
  const portText = get('HTTP_PORT');
  const host = get('HTTP_HOST') ?? '0.0.0.0';
  if (portText === undefined) return undefined;
  const port = parsePort(portText);
  if (port === undefined) {
    bad('HTTP_PORT', 'must be a port number from 0 to 65535');
    return undefined;
  }
  return { port, host };
}

type Getter = (key: (typeof CONFIG_KEYS)[number]) => string | undefined;
type Reporter = (key: string, message: string) => void;

function readDiscord(get: Getter, bad: Reporter): DiscordConfig | undefined {
  const token = get('DISCORD_TOKEN');
  const applicationId = get('DISCORD_APPLICATION_ID');
  const guildId = get('DISCORD_GUILD_ID');
  const apiBase = get('DISCORD_API_BASE');
  if (applicationId !== undefined && !SNOWFLAKE.test(applicationId)) {
    bad('DISCORD_APPLICATION_ID', 'must be a Discord id (17-20 digits), from the Developer Portal');
  }
  if (guildId !== undefined && !SNOWFLAKE.test(guildId)) {
    bad('DISCORD_GUILD_ID', 'must be a Discord server id (17-20 digits)');
  }
  if (apiBase !== undefined && !isUrl(apiBase, ['http:', 'https:'])) {
    bad('DISCORD_API_BASE', 'must be an http(s) URL');
  }
  const interactions = readDiscordInteractions(get, bad);
  // Without a token Discord is simply off; the other DISCORD_* values are ignored.
  if (token === undefined) {
    if (interactions !== undefined) bad('DISCORD_PUBLIC_KEY', 'is set but DISCORD_TOKEN is not');
    return undefined;
  }
  if (/\s/.test(token)) {
    bad('DISCORD_TOKEN', 'does not look like a bot token (Developer Portal > Bot > Reset Token)');
  }
  return {
    token,
    ...(applicationId !== undefined ? { applicationId } : {}),
    ...(guildId !== undefined ? { guildId } : {}),
    ...(apiBase !== undefined ? { apiBase: apiBase.replace(/\/+$/, '') } : {}),
    ...(interactions !== undefined ? { interactions } : {}),
  };
}

function readDiscordInteractions(get: Getter, bad: Reporter): DiscordInteractionsConfig | undefined {
  const publicKey = get('DISCORD_PUBLIC_KEY');
  const portText = get('DISCORD_INTERACTIONS_PORT');
  const port = portText === undefined ? DEFAULT_DISCORD_INTERACTIONS_PORT : parsePort(portText);
  if (port === undefined) bad('DISCORD_INTERACTIONS_PORT', 'must be a port number from 0 to 65535');
  const path = get('DISCORD_INTERACTIONS_PATH') ?? DEFAULT_DISCORD_INTERACTIONS_PATH;
  if (!URL_PATH.test(path)) bad('DISCORD_INTERACTIONS_PATH', 'must be a URL path starting with /');
  const host = get('DISCORD_INTERACTIONS_HOST') ?? '0.0.0.0';
  if (publicKey === undefined) return undefined;
  if (!ED25519_PUBLIC_KEY.test(publicKey)) {
    bad(
      'DISCORD_PUBLIC_KEY',
      'must be the 64 hex characters of Developer Portal > General Information > Public Key',
    );
    return undefined;
  }
  return port === undefined ? undefined : { publicKey, port, host, path };
}

function readTelegram(get: Getter, bad: Reporter): TelegramConfig | undefined {
  const token = get('TELEGRAM_BOT_TOKEN');
  const apiRoot = get('TELEGRAM_API_ROOT');
  const url = get('TELEGRAM_WEBHOOK_URL');
  const secret = get('TELEGRAM_WEBHOOK_SECRET');
  const host = get('TELEGRAM_WEBHOOK_HOST') ?? '0.0.0.0';
  const portKey = get('TELEGRAM_WEBHOOK_PORT') !== undefined ? 'TELEGRAM_WEBHOOK_PORT' : 'PORT';
  const portText = get(portKey);
  const port = portText === undefined ? DEFAULT_WEBHOOK_PORT : parsePort(portText);
  if (port === undefined) bad(portKey, 'must be a port number from 0 to 65535');

  if (apiRoot !== undefined && !isUrl(apiRoot, ['http:', 'https:'])) {
    bad('TELEGRAM_API_ROOT', 'must be an http(s) URL');
  }
  if (url !== undefined && !isUrl(url, ['http:', 'https:'])) {
    bad('TELEGRAM_WEBHOOK_URL', 'must be the public https URL Telegram posts updates to');
  }
  if (secret !== undefined && !WEBHOOK_SECRET.test(secret)) {
    bad('TELEGRAM_WEBHOOK_SECRET', 'must be 1-256 characters of A-Z, a-z, 0-9, _ and -');
  }
  if (url !== undefined && secret === undefined) {
    bad('TELEGRAM_WEBHOOK_SECRET', 'is required when TELEGRAM_WEBHOOK_URL is set (webhook mode)');
  }
  if (token === undefined) {
    for (const [key, value] of [
      ['TELEGRAM_API_ROOT', apiRoot],
      ['TELEGRAM_WEBHOOK_URL', url],
    ] as const) {
      if (value !== undefined) bad(key, 'is set but TELEGRAM_BOT_TOKEN is not');
    }
    return undefined;
  }
  if (!TELEGRAM_TOKEN.test(token)) {
    bad('TELEGRAM_BOT_TOKEN', 'does not look like a bot token from @BotFather (digits:letters)');
  }
  const webhook =
    url !== undefined && secret !== undefined && port !== undefined ? { url, secret, port, host } : undefined;
  return {
    token,
    ...(apiRoot !== undefined ? { apiRoot: apiRoot.replace(/\/+$/, '') } : {}),
    ...(webhook ? { webhook } : {}),
  };
}

function databaseKindOf(url: string): Config['databaseKind'] | undefined {
  if (url === 'memory:') return 'memory';
  if (url.startsWith('file:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  return undefined;
}

function isUrl(text: string, protocols: readonly string[]): boolean {
  try {
    const u = new URL(text);
    return protocols.includes(u.protocol) && u.host !== '';
  } catch {
    return false;
  }
}

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 65535 ? n : undefined;
}
