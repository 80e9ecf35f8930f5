import { describe, expect, it } from 'vitest';
import { paperCommand } from '../../../src/adapters/cli/commands/paper.js';
import { PAPER_QUESTIONS } from '../../../src/core/paper/index.js';
import type { PaperQuestion } from '../../../src/core/paper/types.js';
import { run } from './run.js';

function capture(questions: readonly PaperQuestion[], argv: readonly string[] = []) {
  let stdout = '';
  let stderr = '';
  const code = paperCommand(
    argv,
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), random: () => 0 },
    questions,
  );
  return { code, stdout, stderr };
}

// Conceptual items stand in for paper questions here: their answers are known letters, independent of the seed file.
const AGREE: PaperQuestion = {
  ref: '4(b)(i)',
  topicId: 'concepts-rnn',
  params: { item: 'rnn-pair-lstm' },
  printed: [{ partId: 'a', text: 'B (Statement 1 is True, Statement 2 is False)', value: 'B' }],
  note: 'an example note',
};
const DIFFER: PaperQuestion = {
  ref: '4(b)(ii)',
  topicId: 'concepts-rnn',
  params: { item: 'rnn-pair-truncated-bptt' },
  printed: [{ partId: 'a', text: 'A', value: 'A' }],
};

describe('studybot paper (with a given question list)', () => {
  it('works each question, shows its solution and compares the printed answers part by part', () => {
    const r = capture([AGREE, DIFFER]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('======== 4(b)(i) ========');
    expect(r.stdout).toContain('Statement 1: An LSTM alleviates the vanishing-gradient problem');
    expect(r.stdout).toContain('Note: an example note');
    expect(r.stdout).toContain('[ok] a) Option: printed B, computed B: agrees');
    // rnn-pair-truncated-bptt: statement 1 false, statement 2 true -> C.
    expect(r.stdout).toContain('[!!] a) Option: DIFFERS: printed A, computed C.');
    expect(r.stdout).toContain('2 printed answers compared: 1 agree, 1 differ: a of 4(b)(ii).');
  });

  it('reports questions it cannot work, and exits 3', () => {
    const r = capture([
      AGREE,
      { ref: '9(z)', topicId: 'no-such-topic', params: {}, printed: [] },
      { ref: '9(y)', topicId: 'concepts-rnn', params: { item: 'gan-minimax' }, printed: [] },
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Could not work 9(z) (topic no-such-topic): no topic "no-such-topic"');
    expect(r.stdout).toContain('Could not work 9(y) (topic concepts-rnn): unknown item "gan-minimax"');
    expect(r.stdout).toContain('3 questions worked, 2 could not be worked.');
    expect(r.stderr).toMatch(/2 paper question\(s\) could not be worked/);
  });

  it('gives the report as JSON', () => {
    const r = capture([AGREE, DIFFER], ['--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.questions.map((q: { ref: string }) => q.ref)).toEqual(['4(b)(i)', '4(b)(ii)']);
    expect(json.questions[0]).toMatchObject({
      topic: 'concepts-rnn',
      params: { item: 'rnn-pair-lstm' },
      note: 'an example note',
    });
    expect(json.questions[1].comparisons[0]).toMatchObject({
      partId: 'a',
      status: 'differs',
      printedValue: 'A',
      computed: 'C',
    });
    expect(json.summary).toEqual({
      counts: { agrees: 1, 'agrees-coarsely': 0, differs: 1, 'not-compared': 0, 'unknown-part': 0 },
      differing: ['a of 4(b)(ii)'],
      failed: 0,
    });
  });
});

describe('studybot paper (the real 2023/24 paper)', () => {
  it('works every question and flags the seed file’s known mistakes', async () => {
    const r = await run(['paper', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.summary.failed).toBe(0);
    expect(json.questions.map((q: { ref: string }) => q.ref)).toEqual(PAPER_QUESTIONS.map((q) => q.ref));
    const status = (topic: string, part: string) =>
      json.questions
        .find((q: { topic: string }) => q.topic === topic)
        ?.comparisons.find((c: { partId: string }) => c.partId === part)?.status;
    // Independently (python3, numpy): h1 = tanh(W1ᵀx + b1), h2 = tanh(W2ᵀh1 + b2), u3 = W3ᵀh2 + b3 = 1.472652,
    // so u3 is 1.47 at 2 dp, not the printed 1.48; y = σ(u3) = 0.813460 agrees with the printed 0.81.
    expect(status('mlp-forward', 'u3')).toBe('differs');
    expect(status('mlp-forward', 'y')).toBe('agrees');
    // ∇W2 J = h1 (∇u2 J)ᵀ has entry (1,1) = +0.038080, printed as −0.04.
    expect(status('backprop-weights', 'dW2')).toBe('differs');
    // Pointwise filters = output channels of the convolution replaced = 6 (the printed FLOPs use 6), printed as 4.
    expect(status('depthwise-separable', 'pwCount')).toBe('differs');
    expect(status('depthwise-separable', 'ratio')).toBe('agrees');
  });

  it('prints the worked solutions and a summary that names every difference', async () => {
    const r = await run(['paper']);
    expect(r.code).toBe(0);
    for (const q of PAPER_QUESTIONS) expect(r.stdout).toContain(`======== ${q.ref} ========`);
    expect(r.stdout).toMatch(
      /\[!!\] u3\) .*: DIFFERS: printed 1\.48, computed 1\.47 at the printed precision/,
    );
    expect(r.stdout).toMatch(/\d+ differ: .*u3 of 2\(b\), 2\(c\)/);
    expect(r.stdout).not.toContain('Could not work');
  });
});
