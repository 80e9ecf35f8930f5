import { describe, expect, it } from 'vitest';
import { partLetter } from '../../../src/core/answers/index.js';
import { MAX_SEED } from '../../../src/core/rng.js';
import {
  GROUPS,
  TOPICS,
  buildFromParams,
  buildQuestion,
  findTopic,
  topicsInGroup,
} from '../../../src/core/topics/index.js';
import type { Expected } from '../../../src/core/types.js';
import { run } from './run.js';

const concepts = findTopic('concepts-all')!;

/** What a student would type for the exact answer of a one-part conceptual question. */
function typedAnswer(expected: Expected): string {
  if (expected.kind === 'boolean') return expected.value ? 'T' : 'F';
  if (expected.kind === 'choice') return expected.value;
  throw new Error(`not a conceptual part: ${expected.kind}`);
}

function wrongAnswer(expected: Expected): string {
  if (expected.kind === 'boolean') return expected.value ? 'F' : 'T';
  if (expected.kind === 'choice') return expected.options.find((o) => o !== expected.value)!;
  throw new Error(`not a conceptual part: ${expected.kind}`);
}

/** A usage failure: exit 2, a message and the usage on stderr, nothing on stdout, no stack trace. */
function expectUsageError(r: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/Usage|studybot/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('studybot (no command, help, unknown command)', () => {
  it('prints the usage on stderr and exits 2 without a command', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage:/);
    for (const cmd of ['topics', 'quiz', 'solve', 'check', 'paper'])
      expect(r.stderr).toContain(`studybot ${cmd}`);
  });

  it('prints help on stdout and exits 0', async () => {
    for (const argv of [['help'], ['--help'], ['-h']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Exit codes: 0 ok, 1 answer not \(fully\) right, 2 bad arguments/);
    }
    const quizHelp = await run(['help', 'quiz']);
    expect(quizHelp.stdout).toMatch(/^Usage: studybot quiz <topic\|group\|any> \[--seed N\] \[--json\]/);
    expect((await run(['solve', '--help'])).stdout).toMatch(/^Usage: studybot solve/);
    expect((await run(['check', 'x', '-h'])).stdout).toMatch(/^Usage: studybot check/);
  });

  it('rejects an unknown command, and help for one', async () => {
    expectUsageError(await run(['quizz']), /unknown command "quizz"/);
    expectUsageError(await run(['help', 'nope']), /unknown command "nope"/);
  });

  it('reports a bug in one line with exit 3, never a stack trace', async () => {
    const r = await run(['topics'], {
      stdout: () => {
        throw new Error('disk full');
      },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'studybot topics: internal error (Error: disk full). Please report it with the command you ran.\n',
    );
  });
});

describe('studybot topics', () => {
  it('lists every group and every topic', async () => {
    const r = await run(['topics']);
    expect(r.code).toBe(0);
    for (const g of GROUPS) expect(r.stdout).toMatch(new RegExp(`^  ${g.id} +${g.title}:`, 'm'));
    for (const t of TOPICS) expect(r.stdout).toMatch(new RegExp(`^  ${t.id} +${t.title} \\(`, 'm'));
    expect(r.stdout).toContain(`${TOPICS.length} in all`);
  });

  it('gives the same as JSON', async () => {
    const r = await run(['topics', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.topics.map((t: { id: string }) => t.id)).toEqual(TOPICS.map((t) => t.id));
    expect(json.groups.map((g: { id: string }) => g.id)).toEqual(GROUPS.map((g) => g.id));
    const conceptsGroup = json.groups.find((g: { id: string }) => g.id === 'concepts');
    expect(conceptsGroup.topics).toEqual(topicsInGroup('concepts').map((t) => t.id));
  });

  it('rejects arguments it does not take', async () => {
    expectUsageError(await run(['topics', 'cnn']), /unexpected argument "cnn"/);
    expectUsageError(await run(['topics', '--seed', '1']), /unknown option --seed/);
    expectUsageError(await run(['topics', '-x']), /unknown option -x/);
  });
});

describe('studybot quiz', () => {
  it('prints the question, its answers and its worked solution for a topic and seed', async () => {
    const r = await run(['quiz', 'concepts-all', '--seed', '42']);
    expect(r.code).toBe(0);
    const q = buildQuestion(concepts, 42);
    expect(r.stdout).toContain(`(topic concepts-all, seed 42, difficulty 1`);
    expect(r.stdout).toContain(q.question.text);
    expect(r.stdout).toContain(q.question.parts[0]!.prompt);
    expect(r.stdout).toMatch(/\nAnswers:\n {2}a\) (True or false|Option): /);
    expect(r.stdout).toContain(
      `a) ${q.parts[0]!.name}: ${typedAnswer(q.parts[0]!.expected).replace(/^T$/, 'True').replace(/^F$/, 'False')}\n`,
    );
    for (const s of q.steps) expect(r.stdout).toContain(s.title);
    expect(r.stdout).toContain('studybot quiz concepts-all --seed 42');
    expect((await run(['quiz', 'concepts-all', '--seed=42'])).stdout).toBe(r.stdout);
  });

  it('draws the seed from the injected entropy source when none is given', async () => {
    // floor(0.25 * 2^31) = 536870912
    const r = await run(['quiz', 'concepts-all'], { random: () => 0.25 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('seed 536870912,');
    expect(r.stdout).toBe((await run(['quiz', 'concepts-all', '--seed', '536870912'])).stdout);
    const top = await run(['quiz', 'concepts-all'], { random: () => 0.999999999999 });
    expect(top.stdout).toContain(`seed ${MAX_SEED},`);
  });

  it('picks the topic of a group from the seed, so group and seed reproduce the question', async () => {
    const rnn = topicsInGroup('rnn');
    const seed = 1234;
    const expected = rnn[seed % rnn.length]!;
    const r = await run(['quiz', 'rnn', '--seed', String(seed), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.topic).toBe(expected.id);
    expect(json.params).toEqual(buildQuestion(expected, seed).params);
    const again = await run(['quiz', 'RNN', '--seed', String(seed), '--json']);
    expect(again.stdout).toBe(r.stdout);
    const any = await run(['quiz', 'any', '--seed', '5', '--json']);
    expect(JSON.parse(any.stdout).topic).toBe(TOPICS[5 % TOPICS.length]!.id);
  });

  it('gives topic, seed, params, question text, answers and steps as JSON', async () => {
    const r = await run(['quiz', 'concepts-rnn', '--seed', '7', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const q = buildQuestion(findTopic('concepts-rnn')!, 7);
    expect(json).toEqual(
      JSON.parse(
        JSON.stringify({
          topic: 'concepts-rnn',
          title: q.title,
          seed: 7,
          difficulty: 1,
          params: q.params,
          question: q.question,
          answers: q.parts,
          steps: q.steps,
        }),
      ),
    );
  });

  it('rejects bad arguments with a usage message', async () => {
    expectUsageError(await run(['quiz']), /missing <topic\|group>/);
    expectUsageError(
      await run(['quiz', 'cnnn', '--seed', '1']),
      /unknown topic or group "cnnn"\. Did you mean "cnn"/,
    );
    expectUsageError(await run(['quiz', 'zzzzzzzzzzzz']), /unknown topic or group "zzzzzzzzzzzz"\. See/);
    for (const bad of ['abc', '-1', '1.5', '2147483648', '', '1e3', '99999999999']) {
      expectUsageError(
        await run(['quiz', 'cnn', '--seed', bad]),
        /--seed must be a whole number from 0 to 2147483647/,
      );
    }
    expectUsageError(await run(['quiz', 'cnn', '--seed']), /--seed needs a value/);
    expectUsageError(await run(['quiz', 'cnn', '--seed', '1', '--seed', '2']), /--seed given twice/);
    expectUsageError(await run(['quiz', 'cnn', 'rnn']), /unexpected argument "rnn"/);
    expectUsageError(await run(['quiz', 'cnn', '--json=yes']), /--json takes no value/);
    expectUsageError(await run(['quiz', 'cnn', '--verbose']), /unknown option --verbose/);
  });
});

describe('studybot solve', () => {
  it('works a question from hand-given parameters', async () => {
    const params = { item: 'activation-tanh-derivative', order: [2, 0, 3, 1] };
    const r = await run(['solve', 'concepts-all', '--params', JSON.stringify(params)]);
    expect(r.code).toBe(0);
    // order [2, 0, 3, 1] shows the right option (index 0, "1 − y²") second: B.
    expect(r.stdout).toContain('B) 1 − y²');
    expect(r.stdout).toContain('a) Option: B\n');
    expect(r.stdout).not.toContain('seed');
    const json = JSON.parse(
      (await run(['solve', 'concepts-all', '--params', JSON.stringify(params), '--json'])).stdout,
    );
    const q = buildFromParams(concepts, params, 0);
    expect(json.seed).toBeNull();
    expect(json.params).toEqual(params);
    expect(json.answers).toEqual(JSON.parse(JSON.stringify(q.parts)));
  });

  it('rejects bad arguments and bad parameters with a readable message', async () => {
    expectUsageError(await run(['solve']), /missing <topic>/);
    expectUsageError(await run(['solve', 'concepts-all']), /missing --params '<json>'/);
    expectUsageError(
      await run(['solve', 'concepts-all', '--params', '{item:']),
      /--params is not valid JSON/,
    );
    expectUsageError(
      await run(['solve', 'concepts-all', '--params', '{"item":"nope"}']),
      /bad parameters for concepts-all: unknown item "nope"/,
    );
    expectUsageError(
      await run(['solve', 'concepts-all', '--params', '[1,2]']),
      /bad parameters for concepts-all: params must be a JSON object/,
    );
    expectUsageError(await run(['solve', 'cnn', '--params', '{}']), /"cnn" is a group, not a topic/);
    expectUsageError(await run(['solve', 'concept-all', '--params', '{}']), /Did you mean "concepts-all"/);
  });
});

describe('studybot check', () => {
  const seeds = [3, 4, 5, 6];

  it('says Correct and exits 0 for the right answer', async () => {
    for (const seed of seeds) {
      const q = buildQuestion(concepts, seed);
      const r = await run([
        'check',
        'concepts-all',
        '--seed',
        String(seed),
        '--answer',
        typedAnswer(q.parts[0]!.expected),
      ]);
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toContain(`(topic concepts-all, seed ${seed})`);
      expect(r.stdout).toMatch(/-> {2}Correct\.\n1 of 1 part right\.\n$/);
    }
  });

  it('says Not quite and exits 1 for a wrong answer, naming a distractor when there is one', async () => {
    for (const seed of seeds) {
      const q = buildQuestion(concepts, seed);
      const wrong = wrongAnswer(q.parts[0]!.expected);
      const r = await run(['check', 'concepts-all', '--seed', String(seed), '--answer', wrong]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/-> {2}Not quite\./);
      const slip = q.parts[0]!.slips?.find((s) => s.value === wrong);
      if (slip) expect(r.stdout).toContain(slip.message);
      expect(r.stdout).toContain(`Worked solution: studybot quiz concepts-all --seed ${seed}`);
    }
  });

  it('explains an unreadable answer without counting it wrong, and refuses empty and huge answers politely', async () => {
    const tf = [...Array(200).keys()].find(
      (s) => buildQuestion(concepts, s).parts[0]!.expected.kind === 'boolean',
    )!;
    const r = await run(['check', 'concepts-all', '--seed', String(tf), '--answer', 'perhaps']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Please answer T or F (true or false). This try is free.');
    const empty = await run(['check', 'concepts-all', '--seed', String(tf), '--answer', '   ']);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toMatch(/Your answer is empty/);
    const huge = await run(['check', 'concepts-all', '--seed', String(tf), '--answer', 'T'.repeat(100_000)]);
    expect(huge.code).toBe(1);
    expect(huge.stdout).toMatch(/That answer is too long \(the limit is \d+ characters\)/);
    expect(huge.stdout.length).toBeLessThan(500);
  });

  it('takes answers that start with a minus sign, and gives JSON', async () => {
    const q = buildQuestion(concepts, 3);
    const r = await run(['check', 'concepts-all', '--seed', '3', '--answer', '-4.7', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ topic: 'concepts-all', seed: 3, correct: false });
    expect(json.grades[0]).toMatchObject({ partId: 'a', typed: '-4.7', status: 'invalid' });
    const ok = JSON.parse(
      (
        await run([
          'check',
          'concepts-all',
          '--seed',
          '3',
          '--answer',
          typedAnswer(q.parts[0]!.expected),
          '--json',
        ])
      ).stdout,
    );
    expect(ok).toMatchObject({ correct: true, unanswered: [] });
    expect(ok.grades[0].status).toBe('correct');
  });

  it('grades several labelled parts at once, like the chat bots, and lists the parts not answered', async () => {
    // Any registered topic whose question has at least two plain-number parts.
    const pick = TOPICS.map((t) => ({ t, q: buildQuestion(t, 1) })).find(
      ({ q }) => q.parts.length >= 2 && q.parts.every((p) => p.expected.kind === 'number'),
    );
    expect(pick, 'a multi-part numeric topic is registered').toBeDefined();
    const { t, q } = pick!;
    const exact = q.parts.map((p, i) => `${partLetter(i)}) ${String(p.expected.value)}`).join(' ');
    const r = await run(['check', t.id, '--seed', '1', '--answer', exact]);
    expect(r.stdout).toContain(`${q.parts.length} of ${q.parts.length} parts right.`);
    expect(r.code).toBe(0);
    const first = q.parts[0]!;
    const wrongValue = Number(first.expected.value) + 1000.5;
    const partial = await run(['check', t.id, '--seed', '1', '--answer', `a) ${wrongValue}`]);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toContain(`  a) ${first.name}: ${wrongValue}  ->  Not quite.`);
    q.parts
      .slice(1)
      .forEach((p, i) => expect(partial.stdout).toContain(`  ${partLetter(i + 1)}) ${p.name}: not answered`));
    expect(partial.stdout).toContain(`0 of ${q.parts.length} parts right.`);
    const unknown = await run(['check', t.id, '--seed', '1', '--answer', 'z) 3']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/That question has no part z\)/);
  });

  it('rejects bad arguments with a usage message', async () => {
    expectUsageError(await run(['check', 'concepts-all', '--answer', 'T']), /missing --seed N/);
    expectUsageError(await run(['check', 'concepts-all', '--seed', '1']), /missing --answer/);
    expectUsageError(await run(['check', '--seed', '1', '--answer', 'T']), /missing <topic\|group>/);
    expectUsageError(await run(['check', 'concepts-all', '--seed', 'x', '--answer', 'T']), /--seed must be/);
    expectUsageError(
      await run(['check', 'nope', '--seed', '1', '--answer', 'T']),
      /unknown topic or group "nope"/,
    );
  });
});
