/** Token redaction: every line the logger writes, whatever field or nested cause carries a token. */
import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets } from '../src/logger.js';

const TELEGRAM = '7123456789:AAHfakeTokenForTestsOnly_abcdefghij';
const DISCORD = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz012345';

describe('redactSecrets', () => {
  it('removes Telegram tokens, the /bot<token>/ URL form and Discord tokens, and keeps the rest', () => {
    const text =
      `request to https://api.telegram.org/bot${TELEGRAM}/getMe failed, reason: connect ECONNREFUSED; ` +
      `token ${TELEGRAM}; /botanything-else/sendMessage; Authorization: Bot ${DISCORD}; at 18:30:00.000Z`;
    const out = redactSecrets(text);
    expect(out).not.toContain(TELEGRAM);
    expect(out).not.toContain('AAHfakeTokenForTestsOnly');
    expect(out).not.toContain(DISCORD);
    expect(out).not.toContain('anything-else');
    expect(out).toContain('https://api.telegram.org/bot[redacted]/getMe');
    expect(out).toContain('connect ECONNREFUSED');
    expect(out).toContain('at 18:30:00.000Z');
  });

  it('removes exact secrets it is given', () => {
    expect(redactSecrets('pw=s3cret-value!', ['s3cret-value!'])).toBe('pw=[redacted]');
  });
});

describe('createLogger', () => {
  it('never writes a token: in messages, fields, error messages, stacks and nested causes', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'debug',
      write: (l) => lines.push(l),
      secrets: ['custom-secret-1'],
    });
    const cause = new Error(`request to http://127.0.0.1:9/bot${TELEGRAM}/getMe failed`);
    const error = new Error('Network request failed', { cause });
    logger.error(`failed with ${TELEGRAM}`, {
      error,
      url: `https://x/bot${TELEGRAM}/m`,
      extra: 'custom-secret-1',
    });
    logger.child({ token: DISCORD }).warn('child');
    const all = lines.join('');
    expect(lines).toHaveLength(2);
    expect(all).not.toContain(TELEGRAM);
    expect(all).not.toContain(DISCORD);
    expect(all).not.toContain('custom-secret-1');
    // The cause survived serialisation (redacted), so the log still says why.
    const first = JSON.parse(lines[0]!) as { error: { cause: { message: string } } };
    expect(first.error.cause.message).toBe('request to http://127.0.0.1:9/bot[redacted]/getMe failed');
  });
});
