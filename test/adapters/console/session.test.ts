import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CONSOLE_PLACE, startConsole } from '../../../src/adapters/console/index.js';
import { createSession } from '../../../src/adapters/console/session.js';
import { PLAIN } from '../../../src/adapters/console/style.js';
import { GENERIC_FAILURE } from '../../../src/adapters/shared/texts.js';
import type { Engine } from '../../../src/engine/api.js';
import { createEngine } from '../../../src/engine/create-engine.js';
import { createLogger, silentLogger } from '../../../src/logger.js';
import { createMemoryStore } from '../../../src/store/memory/memory-store.js';
import { createRng } from '../../../src/core/rng.js';
import { testCatalog, xOf } from '../../engine/support/test-catalog.js';

const actor = { platform: 'console' as const, userId: 'ann', displayName: 'ann' };

function setup(engine?: Engine) {
  const rng = createRng(3);
  const store = createMemoryStore();
  const e = engine ?? createEngine({ store, catalog: testCatalog, random: () => rng.next() });
  const logs: string[] = [];
  const session = createSession({
    engine: e,
    actor,
    place: CONSOLE_PLACE,
    style: PLAIN,
    logger: createLogger({ level: 'error', write: (l) => logs.push(l) }),
    sessionId: 'test',
  });
  return { session, store, engine: e, logs };
}

/** The seed of the question a rendered header shows (the test catalog's answers follow from it). */
async function seedOf(engine: Engine, output: string): Promise<number> {
  const id = /question #(\d+)/.exec(output)?.[1];
  const q = id ? await engine.getQuestion(id) : undefined;
  if (!q) throw new Error(`no question in: ${output}`);
  return q.seed;
}

describe('terminal session', () => {
  it('runs a quiz: question, wrong answer, hint, right answer, stats, leaderboard', async () => {
    const { session, engine } = setup();
    const q = await session.handleLine('/quiz hard');
    expect(q.output).toContain('Hard  ★★★');
    const x = xOf(await seedOf(engine, q.output));
    expect((await session.handleLine(String(10 * x + 1))).output).toContain('✗ Not quite. 2 tries left.');
    expect((await session.handleLine('/hint')).output).toContain('No more hints');
    const right = (await session.handleLine(String(10 * x))).output;
    expect(right).toContain('✓ Correct.');
    expect(right).toContain('+3 points');
    expect(right).toContain('Solved!');
    expect(right).toContain(`10x: ${10 * x}`);
    expect((await session.handleLine('/stats')).output).toMatch(/ann: 3 points · streak 1 day/);
    expect((await session.handleLine('/leaderboard all')).output).toMatch(/1\. ann\s+3 pts {2}1 solved/);
    expect((await session.handleLine('/leaderboard someday')).output).toContain('/leaderboard week');
  });

  it('answers multi-part questions part by part and shows what is still open', async () => {
    const { session, engine } = setup();
    const q = await session.handleLine('/quiz two-part');
    const x = xOf(await seedOf(engine, q.output));
    const first = (await session.handleLine(String(x * x))).output;
    expect(first).toContain('a) x²: ✓ Correct.');
    expect(first).toContain('Next b) the vector [x/4, -x/8]');
    expect((await session.handleLine('/hint')).output).toContain('Hint 1 of 2');
    const second = (await session.handleLine(`b) ${x / 4} ${-x / 8}`)).output;
    expect(second).toContain('Solved!');
    // 4 at the first try halved by the hint: 2. (b) also first try: 2.
    expect(second).toContain('+2 points');
  });

  it('knows the other commands and refuses unknown ones', async () => {
    const { session } = setup();
    expect((await session.handleLine('/hint')).output).toContain('There is no open question here.');
    expect((await session.handleLine('42')).output).toContain('There is no open question here.');
    expect((await session.handleLine('/topics')).output).toContain('two-part');
    expect((await session.handleLine('/help')).output).toContain('/leaderboard [period]');
    expect((await session.handleLine('/quiz nonsense')).output).toContain("I don't know that topic.");
    expect((await session.handleLine('/frobnicate')).output).toContain(
      "I don't know the command /frobnicate",
    );
    expect((await session.handleLine('   ')).output).toBe('');
    await session.handleLine('/quiz third');
    expect((await session.handleLine('/next')).output).toContain('A third');
    expect((await session.handleLine('/question')).output).toContain('A third');
    expect((await session.handleLine('/solution')).output).toContain('Worked solution');
    expect(await session.handleLine('/quit')).toMatchObject({ quit: true });
  });

  it('has one error boundary: a failure prints a friendly line, logs the cause, and the session goes on', async () => {
    const real = setup().engine;
    const broken: Engine = {
      ...real,
      getProgress: () => Promise.reject(new Error('database is on fire')),
    };
    const { session, logs } = setup(broken);
    const out = (await session.handleLine('/stats')).output;
    expect(out).toBe(GENERIC_FAILURE);
    expect(out).not.toContain('fire');
    expect(logs.join('')).toContain('database is on fire');
    expect((await session.handleLine('/topics')).output).toContain('two-part');
  });
});

describe('startConsole', () => {
  it('reads piped lines in order, ends cleanly at end of input, and never writes colour to a pipe', async () => {
    const rng = createRng(3);
    const engine = createEngine({
      store: createMemoryStore(),
      catalog: testCatalog,
      random: () => rng.next(),
    });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString()));
    const handle = startConsole({
      engine,
      logger: silentLogger,
      userName: 'ann',
      color: true,
      input,
      output,
      timeZone: 'Asia/Singapore',
    });
    input.end('/quiz third\n/stats\n');
    await handle.done;
    expect(text).toContain('signed in as ann');
    expect(text).toContain('A third');
    expect(text.indexOf('A third')).toBeLessThan(text.indexOf('ann: 0 points'));
    expect(text).toContain('Asia/Singapore');
    expect(text).not.toContain('\u001b[');
  });
});
