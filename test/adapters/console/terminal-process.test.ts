/**
 * `npm start` with no platform token, driven as a child process with piped input, the way a student (or a
 * script) uses it: the real entry point, configuration, store and engine.
 *
 * The child runs src/main.ts bundled exactly as `npm run build` bundles it for `npm start` (see
 * test/support/bundled-main.ts): the shipped artifact, and a fast start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTopic, buildQuestion } from '../../../src/core/topics/index.js';
import { createStore } from '../../../src/store/create-store.js';
import {
  bundleMain,
  runMain as runBundled,
  startMain,
  type BundledMain,
} from '../../support/bundled-main.js';
import { formatExpected, partLetter } from '../../../src/core/answers/index.js';

const ESC = '\u001b[';
const temp = mkdtempSync(join(tmpdir(), 'studybot-terminal-'));
let main: BundledMain | undefined;

beforeAll(async () => {
  main = await bundleMain('terminal');
}, 120_000);
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
  main?.remove();
});

/** Piped input is not a TTY: the session is opened on purpose with STUDYBOT_TERMINAL=1 (see main.ts). */
const TERMINAL = { STUDYBOT_TERMINAL: '1' } as const;
const runMain = (input: string, env: Record<string, string>) =>
  runBundled(main!.file, input, { ...TERMINAL, ...env });

describe('npm start in the terminal (child process, piped input)', () => {
  it('runs a session on the memory store and exits 0 at end of input, without colour on a pipe', async () => {
    const run = await runMain('/help\n/quiz tensor-shapes\nnot a shape at all\n/hint\n/solution\n/stats\n', {
      DATABASE_URL: 'memory:',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('signed in as');
    expect(run.stdout).toContain('/leaderboard [period]');
    expect(run.stdout).toMatch(/question #1 · tensor-shapes/);
    expect(run.stdout).toContain('This try is free.');
    expect(run.stdout).toContain('Hint 1 of');
    expect(run.stdout).toContain('Worked solution');
    expect(run.stdout).toMatch(/: 0 points · streak 0 days/);
    expect(run.stdout).not.toContain(ESC);
  });

  it('ends the session cleanly on SIGTERM while waiting for input (docker stop)', async () => {
    const session = startMain(main!.file, {
      ...TERMINAL,
      DATABASE_URL: 'memory:',
    });
    session.child.stdin.write('/topics\n');
    for (let i = 0; i < 400 && !session.stdout().includes('/quiz <topic or group>'); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(session.stdout()).toContain('/quiz <topic or group>');
    session.child.kill('SIGTERM');
    expect(await session.exited()).toBe(0);
    expect(session.stderr()).toBe('');
  });

  it('reports every bad variable by name and exits 1 before starting anything', async () => {
    const run = await runMain('/quiz\n', {
      DATABASE_URL: 'mysql://db/studybot',
      LOG_LEVEL: 'chatty',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/hook',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    for (const key of ['DATABASE_URL', 'LOG_LEVEL', 'TELEGRAM_WEBHOOK_URL', 'TELEGRAM_WEBHOOK_SECRET']) {
      expect(run.stderr).toContain(`  ${key}: `);
    }
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('keeps progress in SQLite across two sessions: a question opened in one is answered in the next', async () => {
    const databaseUrl = `file:${join(temp, 'bot.db')}`;
    const first = await runMain('/quiz dense-params\na) 1\n', { DATABASE_URL: databaseUrl });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('✗ Not quite. 2 tries left.');

    // Read the open question from the database alone (no process holds it) and work out its answers.
    const user = userInfo().username || 'student';
    const store = await createStore({ databaseUrl });
    const scope = await store.upsertScope({ platform: 'console', platformScopeId: 'local', kind: 'private' });
    const open = await store.latestQuestion({ scopeId: scope.id, channelId: 'local' });
    await store.close();
    expect(open?.topicId).toBe('dense-params');
    const parts = buildQuestion(findTopic('dense-params')!, open!.seed).parts;
    const answer = parts
      .map((p, i) => `${partLetter(i)}) ${formatExpected(p.expected, { exact: true })}`)
      .join(' ');

    const second = await runMain(`${answer}\n/stats\n/leaderboard all\n`, { DATABASE_URL: databaseUrl });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Solved!');
    // dense-params has difficulty 1: part (a) solved at the second try earns 1, every other part 2.
    const points = 1 + 2 * (parts.length - 1);
    expect(second.stdout).toContain(`+${points} points`);
    expect(second.stdout).toMatch(new RegExp(`1\\. ${user}\\s+${points} pts {2}1 solved`));

    const after = await createStore({ databaseUrl });
    const me = await after.upsertUser({ platform: 'console', platformUserId: user, displayName: user });
    const state = await after.getUserQuestionState({ questionId: open!.id, userId: me.id });
    expect(state.attempts).toHaveLength(parts.length + 1);
    expect(await after.getTotalPoints(me.id)).toBe(points);
    expect((await after.getTopicProgress(me.id))[0]).toMatchObject({
      topicId: 'dense-params',
      questions: 1,
      attempts: parts.length + 1,
      correct: parts.length,
    });
    await after.close();
  });
});
