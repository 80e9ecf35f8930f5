import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, DEFAULT_DATABASE_URL, loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

function issuesOf(env: NodeJS.ProcessEnv): { key: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the embedded SQLite database, info logs, colour, and no platform', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: DEFAULT_DATABASE_URL,
      databaseKind: 'sqlite',
      storeTimeoutMs: 5000,
      poolSize: 10,
      eventWindowHours: 72,
      logLevel: 'info',
      color: true,
    });
    expect(DEFAULT_DATABASE_URL).toBe('file:./data/studybot.db');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', DISCORD_TOKEN: ' ', TELEGRAM_BOT_TOKEN: '' })).toMatchObject({
      databaseKind: 'sqlite',
    });
    expect(loadConfig({ DISCORD_TOKEN: '' }).discord).toBeUndefined();
  });

  it('selects PostgreSQL or the memory store from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://bot:pw@db:5432/studybot' })).toMatchObject({
      databaseKind: 'postgres',
      databaseUrl: 'postgresql://bot:pw@db:5432/studybot',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://db/studybot' }).databaseKind).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: 'memory:' }).databaseKind).toBe('memory');
    expect(loadConfig({ DATABASE_URL: 'file:/var/lib/studybot/bot.db' }).databaseKind).toBe('sqlite');
  });

  it('reads both platforms when their tokens are set', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'MTAx.abc.def',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_BASE: 'http://127.0.0.1:9999/api/',
      TELEGRAM_BOT_TOKEN: '123456:ABC-def_ghi',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram/hook',
      TELEGRAM_WEBHOOK_SECRET: 's3cret_token-1',
      PORT: '3000',
      LOG_LEVEL: 'DEBUG',
      NO_COLOR: '1',
    });
    expect(config).toEqual({
      databaseUrl: DEFAULT_DATABASE_URL,
      databaseKind: 'sqlite',
      storeTimeoutMs: 5000,
      poolSize: 10,
      eventWindowHours: 72,
      logLevel: 'debug',
      color: false,
      discord: {
        token: 'MTAx.abc.def',
        applicationId: '123456789012345678',
        guildId: '876543210987654321',
        apiBase: 'http://127.0.0.1:9999/api',
      },
      telegram: {
        token: '123456:ABC-def_ghi',
        apiRoot: 'http://127.0.0.1:8081',
        webhook: {
          url: 'https://bot.example.org/telegram/hook',
          secret: 's3cret_token-1',
          port: 3000,
          host: '0.0.0.0',
        },
      },
    });
  });

  it('prefers TELEGRAM_WEBHOOK_PORT over PORT, and defaults to 8080', () => {
    const base = {
      TELEGRAM_BOT_TOKEN: '1:a',
      TELEGRAM_WEBHOOK_URL: 'https://x.example/h',
      TELEGRAM_WEBHOOK_SECRET: 's',
    };
    expect(loadConfig({ ...base, PORT: '3000', TELEGRAM_WEBHOOK_PORT: '4000' }).telegram?.webhook?.port).toBe(
      4000,
    );
    expect(loadConfig(base).telegram?.webhook?.port).toBe(8080);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:a' }).telegram).toEqual({ token: '1:a' });
  });

  it('reads the store settings, and refuses anything but a whole number above 0', () => {
    expect(
      loadConfig({ STORE_TIMEOUT_MS: '1500', DATABASE_POOL_SIZE: '4', EVENT_WINDOW_HOURS: '24' }),
    ).toMatchObject({ storeTimeoutMs: 1500, poolSize: 4, eventWindowHours: 24 });
    const issues = issuesOf({ STORE_TIMEOUT_MS: '0', DATABASE_POOL_SIZE: 'ten', EVENT_WINDOW_HOURS: '1.5' });
    expect(issues.map((i) => i.key)).toEqual([
      'STORE_TIMEOUT_MS',
      'DATABASE_POOL_SIZE',
      'EVENT_WINDOW_HOURS',
    ]);
  });

  it('lists every bad variable by name at once', () => {
    const issues = issuesOf({
      DATABASE_URL: 'mysql://nope',
      LOG_LEVEL: 'loud',
      DISCORD_TOKEN: 'has space',
      DISCORD_APPLICATION_ID: 'abc',
      DISCORD_GUILD_ID: '12',
      DISCORD_API_BASE: 'ftp://x',
      TELEGRAM_BOT_TOKEN: 'not-a-token',
      TELEGRAM_API_ROOT: 'nope',
      TELEGRAM_WEBHOOK_URL: 'bot.example.org',
      TELEGRAM_WEBHOOK_SECRET: 'bad secret!',
      TELEGRAM_WEBHOOK_PORT: '70000',
    });
    expect(issues.map((i) => i.key).sort()).toEqual(
      [
        'DATABASE_URL',
        'LOG_LEVEL',
        'DISCORD_TOKEN',
        'DISCORD_APPLICATION_ID',
        'DISCORD_GUILD_ID',
        'DISCORD_API_BASE',
        'TELEGRAM_BOT_TOKEN',
        'TELEGRAM_API_ROOT',
        'TELEGRAM_WEBHOOK_URL',
        'TELEGRAM_WEBHOOK_SECRET',
        'TELEGRAM_WEBHOOK_PORT',
      ].sort(),
    );
    for (const i of issues) expect(i.message.length).toBeGreaterThan(5);
  });

  it('explains the error in its message, one line per variable, without echoing secret values', () => {
    const error = (() => {
      try {
        loadConfig({ TELEGRAM_BOT_TOKEN: 'secret-value-xyz', PORT: 'eighty' });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a throw');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^Invalid configuration:\n {2}PORT: .+\n {2}TELEGRAM_BOT_TOKEN: .+$/);
    expect(error.message).not.toContain('secret-value-xyz');
  });

  it('catches half-configured features', () => {
    expect(
      issuesOf({ TELEGRAM_WEBHOOK_URL: 'https://x.example/h' })
        .map((i) => i.key)
        .sort(),
    ).toEqual(['TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_WEBHOOK_URL']);
    expect(issuesOf({ DATABASE_URL: 'file:' }).map((i) => i.key)).toEqual(['DATABASE_URL']);
    expect(issuesOf({ DATABASE_URL: 'postgresql://' }).map((i) => i.key)).toEqual(['DATABASE_URL']);
  });

  it('.env.example documents every variable the configuration reads, each with a comment', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    for (const key of CONFIG_KEYS) {
      const lines = example.split('\n');
      const at = lines.findIndex((l) => new RegExp(`^#?\\s*${key}=`).test(l));
      expect(at, `${key} in .env.example`).toBeGreaterThan(0);
      expect(lines[at - 1], `comment above ${key}`).toMatch(/^#/);
    }
  });
});

describe('logger', () => {
  it('writes JSON lines at or above its level, with child fields and serialised errors', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      write: (l) => lines.push(l),
      clock: () => new Date('2026-03-02T00:00:00Z'),
    });
    logger.debug('hidden');
    logger.child({ adapter: 'telegram' }).warn('slow', { ms: 12, error: new RangeError('boom') });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({
      time: '2026-03-02T00:00:00.000Z',
      level: 'warn',
      msg: 'slow',
      adapter: 'telegram',
      ms: 12,
      error: { name: 'RangeError', message: 'boom' },
    });
    const silent: string[] = [];
    createLogger({ level: 'silent', write: (l) => silent.push(l) }).error('x');
    expect(silent).toEqual([]);
  });
});
