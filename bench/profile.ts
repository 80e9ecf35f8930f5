/**
 * Where does an answer's time go? `node --import tsx bench/profile.ts <telegram|discord> <sqlite|memory|bare>
 * [in-flight]` warms one configuration of a platform bench up, then CPU-profiles a steady-state run and prints the
 * self time per answer by package and by function; the full profile is written to /tmp/studybot-<...>.cpuprofile
 * (open it in Chrome DevTools, Performance tab). Compare `bare` with `sqlite` to see what the full bot adds.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createEngine } from '../src/engine/create-engine.js';
import { FakeDiscord } from '../test/adapters/discord/fake-discord.js';
import * as discord from './discord.bench.js';
import * as telegram from './telegram.bench.js';

const [platform = 'telegram', mode = 'sqlite', inFlightText] = process.argv.slice(2);
const WARMUP = 2000;
const MEASURED = 4000;

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

async function profiled(run: () => Promise<void>): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  await run();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  return profile as CpuProfile;
}

/** Runs `count` answers through the chosen configuration; the first call warms up, the second is profiled. */
async function setUp(): Promise<{ answer(count: number): Promise<void>; close(): Promise<void> }> {
  const store = mode === 'memory' ? 'memory' : 'sqlite';
  if (platform === 'discord') {
    const fake = await FakeDiscord.start();
    const opened = await discord.openStore(store);
    const config =
      mode === 'bare' ? discord.bare() : discord.full(mode, createEngine({ store: opened.store }), 'wrong');
    const { one, stop } = await config.start(fake);
    const inFlight = Number(inFlightText ?? 16);
    return {
      answer: async (count) => void (await discord.measure(count, inFlight, one)),
      async close() {
        await stop();
        await fake.stop();
        await opened.dispose();
      },
    };
  }
  const inFlight = Number(inFlightText ?? 20);
  const bot = mode === 'bare' ? undefined : await telegram.fullBot(store);
  const bare = mode === 'bare' ? await telegram.bareBot() : undefined;
  const target = bot?.target ?? bare!.target;
  const texts = ['1', '2', '3', '4'];
  let from = 10_000;
  return {
    async answer(count) {
      const question = bot
        ? await bot.question()
        : {
            message: target.fake.prepare(
              target.fake.message({ chat: telegram.GROUP, from: telegram.student(999), text: 'q' }),
            ).message!,
            texts,
          };
      const students = Math.ceil(count / question.texts.length);
      await telegram.run(
        target,
        telegram.sequencesFor(target.fake, question.message, question.texts, from, students),
        inFlight,
      );
      from += students;
    },
    close: async () => {
      await bot?.close();
      await bare?.close();
    },
  };
}

function report(profile: CpuProfile, answers: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!;
    const us = profile.timeDeltas[i] ?? 0;
    const url = frame.url.replace(/^file:\/\/\/?/, '');
    const where = url.includes('node_modules/')
      ? `npm:${url.split('node_modules/').at(-1)!.split('/')[0]!}`
      : url.includes('/src/')
        ? `src/${url.split('/src/').at(-1)!.split('/').slice(0, -1).join('/')}`
        : url.includes('/test/') || url.includes('/bench/')
          ? 'fake API + load generator'
          : url || `native: ${frame.functionName}`;
    byPackage.set(where, (byPackage.get(where) ?? 0) + us);
    const fn = `${frame.functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  const top = (m: Map<string, number>, n: number): void => {
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.log(`${(us / answers).toFixed(1).padStart(8)} µs/answer  ${k}`);
  };
  console.log('\nby package or source folder (self time):');
  top(byPackage, 20);
  console.log('\nby function (self time):');
  top(byFunction, 30);
}

const bench = await setUp();
try {
  await bench.answer(WARMUP);
  const t0 = performance.now();
  const profile = await profiled(() => bench.answer(MEASURED));
  const seconds = (performance.now() - t0) / 1000;
  const file = `/tmp/studybot-${platform}-${mode}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  console.log(
    `${platform} ${mode}: ${(MEASURED / seconds).toFixed(0)} answers/s while profiled; profile: ${file}`,
  );
  report(profile, MEASURED);
} finally {
  await bench.close();
}
