import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SEED, createRng } from '../../../../src/core/rng.js';
import {
  buildFromParams,
  buildQuestion,
  resolveSelection,
  topicsInGroup,
} from '../../../../src/core/topics/index.js';
import { CONCEPT_ITEMS, ITEM_ALIASES, conceptTopics } from '../../../../src/core/topics/concepts/index.js';
import {
  CONCEPT_CHAPTERS,
  CONCEPT_TAGS,
  TAG_CHAPTER,
  type ConceptItem,
  TAG_GROUPS,
  TWO_STATEMENT_OPTIONS,
  explanationOf,
  twoStatementAnswer,
} from '../../../../src/core/topics/concepts/item.js';
import { type QuestionInstance, TopicParamsError } from '../../../../src/core/types.js';

/** Every item id of the bank before issue #11 (118 items): questions and references may still name them. */
const ORIGINAL_IDS: readonly string[] = [
  'cnn-weight-sharing',
  'cnn-translation-invariance',
  'cnn-pooling-parameters',
  'cnn-same-padding',
  'cnn-receptive-field',
  'cnn-one-by-one',
  'cnn-depthwise-filters',
  'cnn-separable-cost-ratio',
  'cnn-residual-gradient',
  'cnn-max-pool-output',
  'cnn-valid-shrinks',
  'cnn-stride-parameters',
  'cnn-dilation',
  'cnn-pair-pooling-parameters',
  'cnn-pair-stacked-three-by-three',
  'cnn-pair-depthwise',
  'cnn-pair-padding-stride',
  'perceptron-xor',
  'perceptron-convergence',
  'perceptron-non-separable',
  'perceptron-linear-stack',
  'perceptron-universal-approximation',
  'perceptron-bias-origin',
  'init-constant-symmetry',
  'init-all-zero-tanh',
  'init-xavier',
  'init-he-factor-two',
  'init-large-weights-saturate',
  'init-bias-zero',
  'activation-sigmoid-derivative-bound',
  'activation-tanh-derivative',
  'activation-dead-relu',
  'activation-relu-vanishing',
  'activation-softmax-shift',
  'activation-multilabel-output',
  'activation-tanh-zero-centred',
  'loss-sigmoid-cross-entropy-gradient',
  'loss-squared-error-saturation',
  'loss-binary-cross-entropy-value',
  'loss-categorical-one-hot',
  'loss-mse-gaussian',
  'loss-cross-entropy-log-base',
  'autoencoder-undercomplete',
  'autoencoder-linear-pca',
  'autoencoder-denoising',
  'autoencoder-overcomplete',
  'autoencoder-vae-loss',
  'gan-mode-collapse',
  'gan-mode-collapse-symptom',
  'gan-minimax',
  'gan-optimum',
  'gan-non-saturating-loss',
  'rnn-vanishing-gradients',
  'rnn-bptt-shared-gradient',
  'rnn-parameters-per-step',
  'rnn-lstm-forget-gate',
  'rnn-lstm-additive-cell',
  'rnn-gradient-clipping',
  'rnn-gru-vs-lstm',
  'rnn-output-feedback',
  'rnn-bidirectional-online',
  'rnn-pair-lstm',
  'rnn-pair-truncated-bptt',
  'rnn-pair-gates',
  'seq2seq-bottleneck',
  'seq2seq-teacher-forcing',
  'seq2seq-attention-context',
  'seq2seq-greedy-decoding',
  'embedding-one-hot-similarity',
  'embedding-skip-gram',
  'embedding-analogy',
  'embedding-lookup',
  'fit-high-training-loss-more-data',
  'fit-diagnose-overfitting',
  'fit-fix-underfitting',
  'fit-more-data-overfitting',
  'fit-select-on-validation',
  'fit-capacity-always-helps',
  'fit-loss-not-decreasing',
  'fit-learning-rate-too-large',
  'optim-speed-up-training',
  'optim-minibatch-unbiased',
  'optim-small-batch-tradeoff',
  'optim-batch-size-compare',
  'optim-momentum',
  'optim-momentum-terminal-velocity',
  'optim-adam-moments',
  'optim-adagrad-rate',
  'optim-learning-rate-decay',
  'optim-global-minimum',
  'optim-updates-per-epoch',
  'reg-l2-weight-decay',
  'reg-l1-sparsity',
  'reg-dropout-test-time',
  'reg-inverted-dropout-scale',
  'reg-early-stopping',
  'reg-data-augmentation',
  'reg-bias-decay',
  'reg-dropout-ensemble',
  'norm-batchnorm-tiny-batches',
  'norm-batchnorm-batch-of-one',
  'norm-batchnorm-inference',
  'norm-layernorm-batch-independent',
  'norm-batchnorm-parameters',
  'transformer-scaling-factor',
  'transformer-self-attention-qkv',
  'transformer-order-blind',
  'transformer-sinusoidal-property',
  'transformer-sinusoid-even-odd',
  'transformer-sinusoid-frequencies',
  'transformer-multi-head',
  'transformer-causal-mask',
  'transformer-quadratic-cost',
  'transformer-parallel-training',
  'transformer-pair-weights',
  'transformer-pair-heads-positions',
  'transformer-pair-block',
  'transformer-pair-cross-attention',
];

/** Sentences in a prose explanation: split after . ! or ? followed by a space (no "e.g." in the bank). */
function sentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.length > 0);
}

const topic = (id: string) => conceptTopics.find((t) => t.id === id)!;

/** Checks everything a valid conceptual question must satisfy and returns it. */
function checkInstance(q: QuestionInstance): void {
  expect(q.question.text.length).toBeGreaterThan(20);
  expect(q.question.givens).toEqual([]);
  expect(q.parts).toHaveLength(1);
  expect(q.question.parts.map((p) => p.id)).toEqual(q.parts.map((p) => p.id));
  const part = q.parts[0]!;
  const prompt = q.question.parts[0]!.prompt;
  const last = q.steps.at(-1)!;
  expect(last.part).toBe(part.id);
  expect(q.steps.every((s) => s.title.length > 0)).toBe(true);
  const allText = [q.question.text, ...q.steps.map((s) => `${s.title} ${s.note ?? ''}`)].join('\n');
  expect(allText).not.toMatch(/NaN|undefined|Infinity|\[object Object\]/);
  if (part.expected.kind === 'boolean') {
    expect(prompt).toMatch(/T .*or F/);
    expect(last.result?.value).toBe(part.expected.value ? 'True' : 'False');
    expect(q.question.text.startsWith('True or false?')).toBe(true);
  } else if (part.expected.kind === 'choice') {
    const { value, options } = part.expected;
    expect(prompt).toMatch(/letter/);
    expect(options).toContain(value);
    expect(last.result?.value).toBe(value);
    // Every offered letter is shown as an option line, in order.
    const shown = [...q.question.text.matchAll(/^([A-E])\) /gm)].map((m) => m[1]);
    expect(shown).toEqual(options);
    for (const slip of part.slips ?? []) {
      expect(options).toContain(slip.value);
      expect(slip.value).not.toBe(value);
      expect(slip.message.length).toBeGreaterThan(10);
    }
  } else {
    throw new Error(`unexpected kind ${part.expected.kind}`);
  }
}

describe('the conceptual bank', () => {
  it('has at least 250 items with unique kebab-case ids, both true/false and multiple choice', () => {
    expect(CONCEPT_ITEMS.length).toBeGreaterThanOrEqual(250);
    const ids = CONCEPT_ITEMS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const kinds = new Set(CONCEPT_ITEMS.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['true-false', 'choice', 'two-statements']));
    // Not guessable by always answering "true".
    const tf = CONCEPT_ITEMS.filter((i) => i.kind === 'true-false');
    const trues = tf.filter((i) => i.answer).length;
    expect(trues / tf.length).toBeGreaterThan(0.35);
    expect(trues / tf.length).toBeLessThan(0.65);
  });

  it('has at least 40 two-statement items spread over every chapter, and 15 each on autoencoders and GANs', () => {
    const pairs = CONCEPT_ITEMS.filter((i) => i.kind === 'two-statements');
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    for (const chapter of CONCEPT_CHAPTERS) {
      const inChapter = pairs.filter((i) => TAG_CHAPTER[i.tag] === chapter);
      expect(inChapter.length, chapter).toBeGreaterThanOrEqual(3);
    }
    expect(CONCEPT_ITEMS.filter((i) => i.tag === 'autoencoders').length).toBeGreaterThanOrEqual(15);
    expect(CONCEPT_ITEMS.filter((i) => i.tag === 'gan').length).toBeGreaterThanOrEqual(15);
    // VAEs are part of the autoencoder chapter.
    expect(
      CONCEPT_ITEMS.filter((i) => i.tag === 'autoencoders' && /VAE|variational/.test(JSON.stringify(i)))
        .length,
    ).toBeGreaterThanOrEqual(4);
  });

  it('asks about the classic CNN architectures, transfer learning, global average pooling, GRU gates and encoder-/decoder-only transformers', () => {
    const text = (i: ConceptItem) => JSON.stringify(i);
    const about = (tag: string, pattern: RegExp) =>
      CONCEPT_ITEMS.filter((i) => i.tag === tag && pattern.test(text(i))).length;
    for (const name of [
      /LeNet/,
      /AlexNet/,
      /VGG/,
      /Inception|GoogLeNet/,
      /bottleneck/,
      /transfer/i,
      /global average pooling/,
    ])
      expect(about('cnn', name), String(name)).toBeGreaterThanOrEqual(1);
    expect(about('lstm', /reset gate|update gate/)).toBeGreaterThanOrEqual(3);
    expect(about('transformer', /encoder-only/)).toBeGreaterThanOrEqual(2);
    expect(about('transformer', /decoder-only/)).toBeGreaterThanOrEqual(2);
  });

  it('keeps every item id it ever had resolvable: merged duplicates are aliases of the item kept', () => {
    const t = conceptTopics[0]!;
    const ids = new Set(CONCEPT_ITEMS.map((i) => i.id));
    for (const [old, kept] of Object.entries(ITEM_ALIASES)) {
      expect(ids.has(old), old).toBe(false);
      expect(ids.has(kept), kept).toBe(true);
      // An old id rebuilds a question (normalised to the kept id) and grades like the kept item.
      const params = t.parseParams({ item: old });
      expect(params).toEqual({ item: kept });
      expect(buildFromParams(t, { item: old }, 0).parts).toEqual(buildFromParams(t, { item: kept }, 0).parts);
    }
    for (const id of ORIGINAL_IDS) expect(() => t.parseParams({ item: id }), id).not.toThrow();
    // An alias resolves in a sub-topic only when the kept item belongs to it.
    expect(topic('concepts-cnn').parseParams({ item: 'cnn-pooling-parameters' })).toEqual({
      item: 'cnn-pair-pooling-parameters',
    });
    expect(() => topic('concepts-rnn').parseParams({ item: 'cnn-pooling-parameters' })).toThrow(
      TopicParamsError,
    );
  });

  it('writes formulas in the course convention (u = Wᵀx + b) and LSTM/GRU in PyTorch names', () => {
    for (const item of CONCEPT_ITEMS) {
      const text = JSON.stringify(item);
      // A weight matrix applied to a column input is written Wᵀx, never Wx or W₁x.
      expect(text, item.id).not.toMatch(/W[₀-₉]{0,2}\(?x/);
      // PyTorch names the LSTM candidate g and the GRU candidate n (not c̃ or h̃).
      expect(text, item.id).not.toMatch(/c̃|h̃/);
    }
  });

  it('covers every course tag with at least two items', () => {
    for (const tag of CONCEPT_TAGS) {
      expect(CONCEPT_ITEMS.filter((i) => i.tag === tag).length, tag).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(CONCEPT_ITEMS.map((i) => i.tag))).toEqual(new Set(CONCEPT_TAGS));
  });

  it('gives every item an explanation of 2-4 sentences, and two-statement reasons of 1-2 sentences each', () => {
    for (const item of CONCEPT_ITEMS) {
      const n = sentences(explanationOf(item)).length;
      expect(n, item.id).toBeGreaterThanOrEqual(2);
      expect(n, item.id).toBeLessThanOrEqual(4);
      if (item.kind === 'two-statements') {
        item.statements.forEach((s, k) => {
          expect(s.text, item.id).toMatch(/[.?]$/);
          expect(sentences(s.why).length, item.id).toBeLessThanOrEqual(2);
          expect(s.why, item.id).toMatch(new RegExp(`^Statement ${k + 1} is ${s.true ? 'true' : 'false'}`));
        });
      }
      if (item.kind === 'true-false') expect(item.statement, item.id).toMatch(/[.?]$/);
    }
  });

  it('has well-formed multiple-choice options: 3-5 distinct options, exactly one correct, a reason for each distractor', () => {
    const choices = CONCEPT_ITEMS.filter((i) => i.kind === 'choice');
    expect(choices.length).toBeGreaterThanOrEqual(20);
    for (const item of choices) {
      expect(item.options.length, item.id).toBeGreaterThanOrEqual(3);
      expect(item.options.length, item.id).toBeLessThanOrEqual(5);
      expect(item.options.filter((o) => o.correct).length, item.id).toBe(1);
      expect(new Set(item.options.map((o) => o.text)).size, item.id).toBe(item.options.length);
      for (const o of item.options) {
        if (o.correct) expect(o.why, item.id).toBeUndefined();
        else expect(o.why?.length ?? 0, item.id).toBeGreaterThan(10);
      }
    }
  });

  it('maps two-statement truth values to the paper options A-D', () => {
    const make = (a: boolean, b: boolean): ConceptItem => ({
      id: 'x',
      tag: 'rnn',
      kind: 'two-statements',
      statements: [
        { text: 's1.', true: a, why: 'w.' },
        { text: 's2.', true: b, why: 'w.' },
      ],
    });
    const answer = (item: ConceptItem) => (item.kind === 'two-statements' ? twoStatementAnswer(item) : -1);
    expect(answer(make(true, true))).toBe(0);
    expect(answer(make(true, false))).toBe(1);
    expect(answer(make(false, true))).toBe(2);
    expect(answer(make(false, false))).toBe(3);
    expect(TWO_STATEMENT_OPTIONS[1]).toMatch(/1 is true and statement 2 is false/);
    expect(TWO_STATEMENT_OPTIONS[2]).toMatch(/1 is false and statement 2 is true/);
    // The bank uses all four answers, like the paper's 4(b) (answers B, C, A).
    const used = new Set(
      CONCEPT_ITEMS.flatMap((i) => (i.kind === 'two-statements' ? [twoStatementAnswer(i)] : [])),
    );
    expect(used).toEqual(new Set([0, 1, 2, 3]));
  });
});

describe("the 2023/24 paper's conceptual questions", () => {
  const byRef = (ref: string) => CONCEPT_ITEMS.filter((i) => i.paperRef === ref);
  const byId = (id: string) => CONCEPT_ITEMS.find((i) => i.id === id);

  it('has an item for every conceptual sub-question whose subject the paper gives', () => {
    for (const ref of [
      '1(a)(iii)',
      '1(a)(iv)',
      '1(a)(v)',
      '1(a)(vi)',
      '1(a)(vii)',
      '1(a)(viii)',
      '3(b)(iii)',
      '4(c)(i)',
      '4(d)',
    ]) {
      expect(byRef(ref).length, ref).toBeGreaterThanOrEqual(1);
    }
  });

  it('answers them as the textbook does (not as the seed file does where it errs)', () => {
    // 1(a)(iii): constant initialisation is NOT a good idea (symmetry is never broken).
    expect(byId('init-constant-symmetry')).toMatchObject({ kind: 'true-false', answer: false });
    // 1(a)(iv): high training loss = underfitting; more data does NOT fix it (the seed file says "Yes").
    expect(byId('fit-high-training-loss-more-data')).toMatchObject({ kind: 'true-false', answer: false });
    // 4(c): sin/cos alternate over the dimension index, not over even/odd positions (the seed file says positions).
    expect(byId('transformer-sinusoid-even-odd')).toMatchObject({ kind: 'true-false', answer: false });
    // 3(b)(iii): small-batch BN problem = noisy batch statistics.
    const bn = byId('norm-batchnorm-tiny-batches');
    expect(bn?.kind === 'choice' && bn.options.find((o) => o.correct)?.text).toMatch(/noisy/);
    // 4(d): mode collapse = lack of diversity.
    const gan = byId('gan-mode-collapse');
    expect(gan?.kind === 'choice' && gan.options.find((o) => o.correct)?.text).toMatch(
      /few kinds of samples/,
    );
  });

  it('has enough CNN true/false items for 3(c) and two-statement RNN/transformer items for 4(b)', () => {
    expect(
      CONCEPT_ITEMS.filter((i) => i.tag === 'cnn' && i.kind === 'true-false').length,
    ).toBeGreaterThanOrEqual(6);
    const pairs = CONCEPT_ITEMS.filter(
      (i) => i.kind === 'two-statements' && (i.tag === 'rnn' || i.tag === 'transformer'),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the separable-convolution ratio consistent with the paper: 1/N + 1/K² = 55/294 for K=7, N=6', () => {
    // python3 -c 'from fractions import Fraction as F; print(F(1,6)+F(1,49))'  ->  55/294
    expect(1 / 6 + 1 / 49).toBeCloseTo(55 / 294, 15);
  });
});

describe('the concept topics', () => {
  it('are concepts-all (whole bank, group concepts) plus one sub-topic per content group', () => {
    expect(conceptTopics.map((t) => t.id)).toEqual([
      'concepts-all',
      'concepts-mlp',
      'concepts-optim',
      'concepts-cnn',
      'concepts-rnn',
      'concepts-lstm',
      'concepts-transformer',
      'concepts-generative',
    ]);
    expect(topic('concepts-all').groups).toEqual(['concepts']);
    for (const g of ['mlp', 'optim', 'cnn', 'rnn', 'lstm', 'generative'] as const)
      expect(topic(`concepts-${g}`).groups).toEqual([g]);
    expect(topic('concepts-transformer').groups).toEqual(['transformer', 'attention']);
    for (const t of conceptTopics) expect(t.difficulty).toBe(1);
  });

  it('lets /quiz generative, attention, lstm and optim find the concept items of their chapters', () => {
    const cases = [
      { group: 'generative', topic: 'concepts-generative', tags: ['autoencoders', 'gan'] },
      { group: 'attention', topic: 'concepts-transformer', tags: ['transformer'] },
      { group: 'lstm', topic: 'concepts-lstm', tags: ['lstm'] },
      { group: 'optim', topic: 'concepts-optim', tags: ['optimisation'] },
    ] as const;
    for (const c of cases) {
      const sel = resolveSelection(c.group);
      expect(sel?.kind === 'group' && sel.topics.map((t) => t.id), c.group).toContain(c.topic);
      const t = topic(c.topic);
      const wanted = CONCEPT_ITEMS.filter((i) => (c.tags as readonly string[]).includes(i.tag));
      expect(wanted.length, c.group).toBeGreaterThanOrEqual(15);
      const drawn = new Set<string>();
      for (let seed = 0; seed < 2000; seed++)
        drawn.add((t.generate(createRng(seed)) as { item: string }).item);
      // The sub-topic draws every item of its chapters, and only items tagged for its groups.
      for (const item of wanted) expect(drawn, `${c.group}: ${item.id}`).toContain(item.id);
      for (const id of drawn) {
        const item = CONCEPT_ITEMS.find((i) => i.id === id)!;
        expect(
          TAG_GROUPS[item.tag].some((g) => t.groups.includes(g)),
          id,
        ).toBe(true);
      }
    }
    // LSTM and GRU items also belong to /quiz rnn.
    expect(() => topic('concepts-rnn').parseParams({ item: 'gru-update-gate-near-one' })).not.toThrow();
  });

  it('lets /quiz concepts draw any item and /quiz rnn draw a conceptual RNN item', () => {
    // The group 'concepts' holds one topic, the whole bank, so its items are drawn uniformly.
    const concepts = resolveSelection('concepts');
    expect(concepts?.kind === 'group' && concepts.topics.map((t) => t.id)).toEqual(['concepts-all']);
    expect(topicsInGroup('concepts').map((t) => t.id)).toEqual(['concepts-all']);
    const rnn = resolveSelection('rnn');
    expect(rnn?.kind === 'group' && rnn.topics.map((t) => t.id)).toContain('concepts-rnn');
    // Every item is drawable from `concepts`; sub-topics draw exactly the items of their tags.
    const seen = new Set<string>();
    for (let seed = 0; seed < 3000; seed++)
      seen.add((topic('concepts-all').generate(createRng(seed)) as { item: string }).item);
    expect(seen.size).toBe(CONCEPT_ITEMS.length);
    for (const g of ['mlp', 'optim', 'cnn', 'rnn', 'lstm', 'generative'] as const) {
      const t = topic(`concepts-${g}`);
      const expected = CONCEPT_ITEMS.filter((i) => TAG_GROUPS[i.tag].includes(g)).map((i) => i.id);
      expect(expected.length, g).toBeGreaterThanOrEqual(8);
      for (const id of expected) expect(() => t.parseParams({ item: id })).not.toThrow();
      const other = CONCEPT_ITEMS.find((i) => !TAG_GROUPS[i.tag].includes(g))!;
      expect(() => t.parseParams({ item: other.id })).toThrow(TopicParamsError);
    }
  });

  it('builds a valid question for 1,000 seeds of every topic, and rebuilds it from its params', () => {
    for (const t of conceptTopics) {
      for (let seed = 0; seed < 1000; seed++) {
        const q = buildQuestion(t, seed);
        checkInstance(q);
        const reparsed = t.parseParams(JSON.parse(JSON.stringify(q.params)));
        expect(reparsed).toEqual(q.params);
        expect(buildFromParams(t, reparsed, seed)).toEqual(q);
      }
    }
  });

  it('is deterministic per seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), (seed) => {
        expect(buildQuestion(topic('concepts-all'), seed)).toEqual(
          buildQuestion(topic('concepts-all'), seed),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('shuffles multiple-choice options so the right letter varies, and grades the shuffled letter', () => {
    const t = topic('concepts-all');
    const item = CONCEPT_ITEMS.find((i) => i.id === 'loss-binary-cross-entropy-value')!;
    if (item.kind !== 'choice') throw new Error('expected a choice item');
    const letters = new Set<string>();
    for (let k = 0; k < 24; k++) {
      // All 4! orders, enumerated: the right option (index 0) lands under every letter.
      const order = permutation(k, 4);
      const q = buildFromParams(t, t.parseParams({ item: item.id, order }), 0);
      const expected = q.parts[0]!.expected;
      if (expected.kind !== 'choice') throw new Error('expected choice');
      const line = q.question.text.split('\n').find((l) => l.startsWith(`${expected.value}) `));
      expect(line).toBe(`${expected.value}) 1.609`);
      letters.add(expected.value);
    }
    expect(letters).toEqual(new Set(['A', 'B', 'C', 'D']));
  });

  it('explains true/false items with the key idea, then the answer', () => {
    const t = topic('concepts-all');
    const q = buildFromParams(t, t.parseParams({ item: 'init-constant-symmetry' }), 0);
    expect(q.question.text).toContain('same constant');
    expect(q.parts[0]!.expected).toEqual({ kind: 'boolean', value: false });
    expect(q.steps[0]!.note).toMatch(/symmetry is never broken/);
    expect(q.steps.at(-1)!.result).toEqual({ name: 'The statement is', value: 'False' });
  });

  it('explains two-statement items statement by statement and names the misjudged statement for a wrong option', () => {
    const t = topic('concepts-rnn');
    const q = buildFromParams(t, t.parseParams({ item: 'rnn-pair-truncated-bptt' }), 0);
    expect(q.question.text).toMatch(/Statement 1: Truncated .*\nStatement 2: Truncated/);
    expect(q.parts[0]!.expected).toEqual({ kind: 'choice', value: 'C', options: ['A', 'B', 'C', 'D'] });
    expect(q.steps.map((s) => s.result?.value)).toEqual(['False', 'True', 'C']);
    const slips = q.parts[0]!.slips ?? [];
    expect(slips.map((s) => [s.value, s.id])).toEqual([
      ['A', 'misjudged-statement-1'],
      ['B', 'misjudged-both'],
      ['D', 'misjudged-statement-2'],
    ]);
  });

  it('names why a chosen distractor is wrong', () => {
    const t = topic('concepts-all');
    const q = buildFromParams(
      t,
      t.parseParams({ item: 'activation-tanh-derivative', order: [1, 0, 2, 3] }),
      0,
    );
    expect(q.parts[0]!.expected).toMatchObject({ value: 'B' });
    const slip = q.parts[0]!.slips?.find((s) => s.value === 'A');
    expect(slip?.message).toMatch(/sigmoid/);
    expect(q.steps.find((s) => s.title.startsWith('Why not'))?.note).toMatch(/^A\) y\(1 − y\) — /);
  });

  it('rejects malformed params with a readable TopicParamsError', () => {
    const t = topic('concepts-all');
    const bad: unknown[] = [
      null,
      'init-constant-symmetry',
      [],
      {},
      { item: 42 },
      { item: 'no-such-item' },
      { item: 'init-constant-symmetry', extra: 1 },
      { item: 'init-constant-symmetry', order: [0, 1] },
      { item: 'rnn-pair-lstm', order: [0, 1, 2, 3] },
      { item: 'activation-tanh-derivative', order: [0, 1, 2] },
      { item: 'activation-tanh-derivative', order: [0, 1, 1, 3] },
      { item: 'activation-tanh-derivative', order: [0, 1, 2, 4] },
      { item: 'activation-tanh-derivative', order: [0, 1, 2, 2.5] },
      { item: 'activation-tanh-derivative', order: 'abcd' },
    ];
    for (const input of bad) {
      expect(() => t.parseParams(input), JSON.stringify(input)).toThrow(TopicParamsError);
    }
    expect(() => t.question({ item: 'no-such-item' })).toThrow(TopicParamsError);
  });
});

/** The k-th permutation of 0..n-1 (factorial number system). */
function permutation(k: number, n: number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let size = n; size > 0; size--) {
    const f = factorial(size - 1);
    out.push(pool.splice(Math.floor(k / f), 1)[0]!);
    k %= f;
  }
  return out;
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}
