import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../../src/adapters/telegram/error-boundary.js';
import { startTelegram } from '../../../src/adapters/telegram/index.js';
import type { Engine } from '../../../src/engine/api.js';
import { silentLogger } from '../../../src/logger.js';
import { FakeBotApi } from './support/fake-bot-api.js';
import { commandAddress, placeOf } from '../../../src/adapters/telegram/identity.js';
import { decodeCallback, encodeCallback, questionKeyboard } from '../../../src/adapters/telegram/keyboard.js';
import { QuestionMessages } from '../../../src/adapters/telegram/question-messages.js';
import { RecentUpdates } from '../../../src/adapters/telegram/recent-updates.js';
import { telegramCommands } from '../../../src/adapters/telegram/publish-commands.js';
import { commandsFor } from '../../../src/adapters/shared/commands.js';

const cmd = (text: string, length: number) => ({
  text,
  entities: [{ type: 'bot_command' as const, offset: 0, length }],
});

describe('commandAddress', () => {
  it('treats /quiz and /quiz@OurBot as ours and /quiz@OtherBot as not', () => {
    expect(commandAddress(cmd('/quiz cnn', 5), 'StudyTestBot')).toBe('ours');
    expect(commandAddress(cmd('/quiz@StudyTestBot cnn', 18), 'studytestbot')).toBe('ours');
    expect(commandAddress(cmd('/quiz@OtherBot cnn', 14), 'StudyTestBot')).toBe('other');
    expect(commandAddress({ text: '0.81' }, 'StudyTestBot')).toBe('none');
    // A slash without Telegram's entity is plain text, e.g. an answer like "/2".
    expect(commandAddress({ text: '/2' }, 'StudyTestBot')).toBe('none');
  });
});

describe('placeOf', () => {
  it('maps private chats to private scopes and groups/supergroups to group scopes keyed by chat id', () => {
    expect(placeOf({ id: 5, type: 'private', first_name: 'A' })).toEqual({
      scope: { platform: 'telegram', scopeId: '5', kind: 'private' },
      channelId: '5',
    });
    expect(placeOf({ id: -1001234, type: 'supergroup', title: 'NNDL' })).toEqual({
      scope: { platform: 'telegram', scopeId: '-1001234', kind: 'group', title: 'NNDL' },
      channelId: '-1001234',
    });
    // A forum topic is its own channel in the group's scope.
    expect(
      placeOf(
        { id: -100, type: 'supergroup', title: 'F', is_forum: true },
        { is_topic_message: true, message_thread_id: 7 },
      ),
    ).toEqual({
      scope: { platform: 'telegram', scopeId: '-100', kind: 'group', title: 'F' },
      channelId: '-100:7',
    });
  });
});

describe('callback data', () => {
  it('round-trips action and question id and rejects anything else', () => {
    expect(decodeCallback(encodeCallback('hint', '123'))).toEqual({ action: 'hint', questionId: '123' });
    expect(decodeCallback('s:abc_DEF-9')).toEqual({ action: 'solution', questionId: 'abc_DEF-9' });
    expect(decodeCallback('x:1')).toBeUndefined();
    expect(decodeCallback('h:')).toBeUndefined();
    expect(decodeCallback('h:1;drop table')).toBeUndefined();
  });

  it('keyboard has Hint, Solution and New question, each carrying the question id', () => {
    const data = questionKeyboard('77')
      .inline_keyboard.flat()
      .map((b) => ('callback_data' in b ? b.callback_data : ''));
    expect(data).toEqual(['h:77', 's:77', 'n:77']);
  });
});

describe('telegramCommands', () => {
  it('publishes exactly the Telegram command specs', () => {
    expect(
      telegramCommands()
        .map((c) => c.command)
        .sort(),
    ).toEqual(
      commandsFor('telegram')
        .map((c) => c.name)
        .sort(),
    );
  });
});

describe('in-process caches', () => {
  it('QuestionMessages keys by chat and message and evicts the least recently set', () => {
    const cache = new QuestionMessages(2);
    cache.set(-1, 10, 'q1');
    cache.set(-2, 10, 'q2');
    expect(cache.get(-1, 10)).toBe('q1');
    expect(cache.get(-2, 10)).toBe('q2');
    cache.set(-1, 11, 'q3');
    expect(cache.get(-1, 10)).toBeUndefined();
    expect(cache.get(-1, 11)).toBe('q3');
  });

  it('RecentUpdates reports an update id seen before, within its capacity', () => {
    const recent = new RecentUpdates(2);
    expect(recent.add(1)).toBe(true);
    expect(recent.add(1)).toBe(false);
    expect(recent.add(2)).toBe(true);
    expect(recent.add(3)).toBe(true);
    // 1 was evicted: a very old id counts as new (the engine's event ids still dedupe it).
    expect(recent.add(1)).toBe(true);
  });
});

describe('classifyError', () => {
  it('sorts Bot API refusals, network failures and everything else', () => {
    const api = new GrammyError(
      'Call to sendMessage failed',
      { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      'sendMessage',
      {},
    );
    expect(classifyError(api)).toEqual({
      kind: 'telegram-api',
      fields: {
        method: 'sendMessage',
        errorCode: 403,
        description: 'Forbidden: bot was blocked by the user',
      },
    });
    expect(
      classifyError(new HttpError('Network request for sendMessage failed', new Error('ECONNRESET'))).kind,
    ).toBe('network');
    const internal = classifyError(new TypeError('x is undefined'));
    expect(internal.kind).toBe('internal');
    expect(internal.fields).toMatchObject({ name: 'TypeError', message: 'x is undefined' });
    expect(classifyError('a string').fields.message).toBe('a string');
  });
});

describe('startTelegram', () => {
  it('fails at once with a wrong token instead of retrying', async () => {
    const fake = await FakeBotApi.start();
    try {
      await expect(
        startTelegram({
          config: { token: '999:wrong', apiRoot: fake.apiRoot },
          engine: {} as Engine,
          logger: silentLogger,
        }),
      ).rejects.toThrow(/401|Unauthorized/);
    } finally {
      await fake.close();
    }
  });
});
