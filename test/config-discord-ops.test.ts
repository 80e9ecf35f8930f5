/** The Discord interactions, ops and terminal settings of loadConfig. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const KEY = 'a'.repeat(64);

function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.issues.map((i) => i.key);
  }
}

describe('Discord HTTP interactions, ops and terminal settings', () => {
  it('turns on HTTP interactions mode with a public key, with the documented defaults', () => {
    expect(loadConfig({ DISCORD_TOKEN: 't', DISCORD_PUBLIC_KEY: KEY }).discord?.interactions).toEqual({
      publicKey: KEY,
      port: 8082,
      host: '0.0.0.0',
      path: '/discord/interactions',
    });
    expect(
      loadConfig({
        DISCORD_TOKEN: 't',
        DISCORD_PUBLIC_KEY: KEY,
        DISCORD_INTERACTIONS_PORT: '3000',
        DISCORD_INTERACTIONS_HOST: '127.0.0.1',
        DISCORD_INTERACTIONS_PATH: '/hooks/discord',
      }).discord?.interactions,
    ).toEqual({ publicKey: KEY, port: 3000, host: '127.0.0.1', path: '/hooks/discord' });
    expect(loadConfig({ DISCORD_TOKEN: 't' }).discord?.interactions).toBeUndefined();
  });

  it('names a bad public key, port or path, and a public key without a token', () => {
    expect(issuesOf({ DISCORD_TOKEN: 't', DISCORD_PUBLIC_KEY: 'abc' })).toEqual(['DISCORD_PUBLIC_KEY']);
    expect(
      issuesOf({ DISCORD_TOKEN: 't', DISCORD_PUBLIC_KEY: KEY, DISCORD_INTERACTIONS_PORT: '70000' }),
    ).toEqual(['DISCORD_INTERACTIONS_PORT']);
    expect(issuesOf({ DISCORD_TOKEN: 't', DISCORD_PUBLIC_KEY: KEY, DISCORD_INTERACTIONS_PATH: 'x' })).toEqual(
      ['DISCORD_INTERACTIONS_PATH'],
    );
    expect(issuesOf({ DISCORD_PUBLIC_KEY: KEY })).toEqual(['DISCORD_PUBLIC_KEY']);
  });

  it('serves health and metrics only when HTTP_PORT is set, and names a bad one', () => {
    expect(loadConfig({}).ops).toBeUndefined();
    expect(loadConfig({ HTTP_PORT: '9090' }).ops).toEqual({ port: 9090, host: '0.0.0.0' });
    expect(loadConfig({ HTTP_PORT: '9090', HTTP_HOST: '127.0.0.1' }).ops).toEqual({
      port: 9090,
      host: '127.0.0.1',
    });
    expect(issuesOf({ HTTP_PORT: 'nine' })).toEqual(['HTTP_PORT']);
  });

  it('opens a terminal on piped input only with STUDYBOT_TERMINAL=1', () => {
    expect(loadConfig({}).terminalWithoutTty).toBeUndefined();
    expect(loadConfig({ STUDYBOT_TERMINAL: '0' }).terminalWithoutTty).toBeUndefined();
    expect(loadConfig({ STUDYBOT_TERMINAL: '1' }).terminalWithoutTty).toBe(true);
  });
});
