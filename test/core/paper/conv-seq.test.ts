/**
 * The paper's conv/sequence/tensor questions: the parameters reproduce the paper's numbers (computed independently
 * here, in the python3 comments), every printed answer maps to a real answer part, and the seed file's printed
 * values differ from the correct ones exactly where the seed file is wrong.
 */
import { describe, expect, it } from 'vitest';
import { convSeqPaperQuestions } from '../../../src/core/paper/conv-seq.js';
import { findTopic } from '../../../src/core/topics/index.js';
import type { Part, Value } from '../../../src/core/types.js';

function solved(ref: string): { parts: readonly Part[]; printed: Map<string, Value | undefined> } {
  const q = convSeqPaperQuestions.find((x) => x.ref === ref);
  if (q === undefined) throw new Error(`no paper question ${ref}`);
  const topic = findTopic(q.topicId);
  if (topic === undefined) throw new Error(`no topic ${q.topicId}`);
  return {
    parts: topic.solve(topic.parseParams(q.params)),
    printed: new Map(q.printed.map((p) => [p.partId, p.value])),
  };
}

function values(parts: readonly Part[]): Record<string, unknown> {
  return Object.fromEntries(parts.map((p) => [p.id, p.expected.value]));
}

/** Rounds numbers (deeply) to the decimals the printed value shows. */
function roundLike(value: unknown, printed: unknown): unknown {
  if (typeof value === 'number' && typeof printed === 'number') {
    const dp = (String(printed).split('.')[1] ?? '').length;
    return Number(value.toFixed(dp));
  }
  if (Array.isArray(value) && Array.isArray(printed)) return value.map((v, i) => roundLike(v, printed[i]));
  return value;
}

describe('paper questions 1(a)(ii), 3(a), 3(b), 4(a), 4(c)(ii)', () => {
  it('map every printed answer to an answer part of a registered topic', () => {
    for (const q of convSeqPaperQuestions) {
      const topic = findTopic(q.topicId);
      expect(topic, q.topicId).toBeDefined();
      const ids = topic!.solve(topic!.parseParams(q.params)).map((p) => p.id);
      for (const p of q.printed) expect(ids, `${q.ref} ${p.partId}`).toContain(p.partId);
      expect(topic!.paperRef).toBeDefined();
    }
    expect(convSeqPaperQuestions.map((q) => q.ref)).toEqual([
      '1(a)(ii)',
      '3(a)(i)',
      '3(a)(ii)',
      '3(b)(i), 3(b)(ii)',
      '4(a)',
      '4(c)(ii)',
    ]);
  });

  it('1(a)(ii): x.unsqueeze(1) gives a (2, 1, 3) tensor', () => {
    // python3: np.arange(1,7).reshape(2,3)[:,None,:].shape -> (2, 1, 3); [...][1].tolist() -> [[4, 5, 6]]
    expect(values(solved('1(a)(ii)').parts)).toEqual({ s1: [2, 1, 3], values: [[4, 5, 6]] });
  });

  it('3(a): n1 = 6, d1 = 12, F1 = 7, p2 = 1; 3534, 220 and 320128 parameters', () => {
    // python3: 55 - 49 + 1 -> 7; [p for p in range(3) if (49 + 2*p - 3)//2 + 1 == 25] -> [1]
    expect(values(solved('3(a)(i)').parts)).toEqual({ n1: 6, d1: 12, f1: 7, p2: 1 });
    // python3: 6*12*7*7 + 6 -> 3534; 4*6*3*3 + 4 -> 220; 4*25*25*128 + 128 -> 320128
    expect(values(solved('3(a)(ii)').parts)).toEqual({ conv1: 3534, conv2: 220, fc: 320128 });
  });

  it('3(b): 6 pointwise filters (not 4), FLOPs and the 55:294 ratio', () => {
    // python3: 2*7*7*12*6*49*49 -> 16941456; 2*7*7*12*49*49 -> 2823576; 2*12*6*49*49 -> 345744;
    //          Fraction(2823576 + 345744, 16941456) -> 55/294
    expect(values(solved('3(b)(i), 3(b)(ii)').parts)).toEqual({
      dwCount: 12,
      dwShape: [1, 7, 7],
      pwCount: 6,
      pwShape: [12, 1, 1],
      std: 16941456,
      dw: 2823576,
      pw: 345744,
      sep: 3169320,
      ratio: [55, 294],
    });
  });

  it('4(a) and 4(c)(ii) to 4 dp', () => {
    // python3 (see test/core/topics/sequence/rnn-forward.test.ts): h(1) = [0.99728296, 0.9878804],
    // y(1) = 0.55029941, h(2) = [0.98011998, 0.9288987], y(2) = 0.5523683
    const r4 = (v: unknown): unknown =>
      Array.isArray(v) ? v.map((x: number) => Number(x.toFixed(4))) : Number((v as number).toFixed(4));
    const rnn = values(solved('4(a)').parts);
    expect([rnn['h1'], rnn['y1'], rnn['h2'], rnn['y2']].map(r4)).toEqual([
      [0.9973, 0.9879],
      0.5503,
      [0.9801, 0.9289],
      0.5524,
    ]);
    // python3: j=np.arange(11); a=5/10000**(2*(j//2)/512); np.where(j%2==0, np.sin(a), np.cos(a)).round(4)[3] -> 0.1107
    expect(r4(values(solved('4(c)(ii)').parts)['pe3'])).toBe(0.1107);
  });

  it('differs from the seed file exactly at 3(b)(i) pointwise count and 4(c)(ii) dimension 3', () => {
    const differences: string[] = [];
    for (const q of convSeqPaperQuestions) {
      const { parts, printed } = solved(q.ref);
      for (const part of parts) {
        if (!printed.has(part.id)) continue;
        const p = printed.get(part.id);
        const computed = part.expected.kind === 'ratio' ? [...part.expected.value] : part.expected.value;
        if (JSON.stringify(roundLike(computed, p)) !== JSON.stringify(p)) {
          differences.push(
            `${q.ref} ${part.id}: printed ${JSON.stringify(p)}, correct ${JSON.stringify(roundLike(computed, p))}`,
          );
        }
      }
    }
    expect(differences).toEqual([
      '3(b)(i), 3(b)(ii) pwCount: printed 4, correct 6',
      '4(c)(ii) pe3: printed -0.1107, correct 0.1107',
    ]);
  });
});
