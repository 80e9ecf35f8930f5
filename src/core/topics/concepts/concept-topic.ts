/**
 * A Topic over a set of conceptual items. Params name the item, plus the option order for shuffled
 * multiple-choice items, so a question is rebuilt exactly from (topic, seed) or from hand-typed params.
 */
import type { Rng } from '../../rng.js';
import { type GroupId, type Topic, TopicParamsError } from '../../types.js';
import { type ConceptItem, isShuffled, optionCount } from './item.js';
import { conceptAnswerParts, conceptQuestion, conceptSteps } from './concept-view.js';

export interface ConceptParams {
  /** Item id, e.g. 'init-constant-symmetry'. */
  readonly item: string;
  /** Shuffled choice items only: original option indices in display order (a permutation of 0..n-1). */
  readonly order?: readonly number[];
}

export interface ConceptTopicSpec {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly groups: readonly GroupId[];
  readonly paperRef?: string;
  readonly items: readonly ConceptItem[];
  /** Old item id -> the id of the item it was merged into; an alias resolves when its target is in `items`. */
  readonly aliases?: Readonly<Record<string, string>>;
}

function isPermutation(order: readonly unknown[], n: number): boolean {
  if (order.length !== n) return false;
  const seen = new Set<number>();
  for (const x of order) {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= n || seen.has(x)) return false;
    seen.add(x);
  }
  return true;
}

export function createConceptTopic(spec: ConceptTopicSpec): Topic<ConceptParams> {
  if (spec.items.length === 0) throw new Error(`concept topic ${spec.id} has no items`);
  const byId = new Map(spec.items.map((item) => [item.id, item]));
  for (const [old, kept] of Object.entries(spec.aliases ?? {})) {
    if (byId.has(old)) throw new Error(`concept alias ${old} is also the id of an item`);
    const target = byId.get(kept);
    if (target !== undefined) byId.set(old, target);
  }
  const itemOf = (params: ConceptParams): ConceptItem => {
    const item = byId.get(params.item);
    if (item === undefined) throw new TopicParamsError(`unknown item "${params.item}" for topic ${spec.id}`);
    return item;
  };

  return {
    id: spec.id,
    title: spec.title,
    summary: spec.summary,
    groups: spec.groups,
    difficulty: 1,
    ...(spec.paperRef === undefined ? {} : { paperRef: spec.paperRef }),

    generate(rng: Rng): ConceptParams {
      const item = rng.pick(spec.items);
      if (!isShuffled(item)) return { item: item.id };
      return { item: item.id, order: rng.shuffle(item.options.map((_, i) => i)) };
    },

    parseParams(input: unknown): ConceptParams {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new TopicParamsError('params must be a JSON object such as {"item": "init-constant-symmetry"}');
      }
      const record = input as Record<string, unknown>;
      const extra = Object.keys(record).filter((k) => k !== 'item' && k !== 'order');
      if (extra.length > 0)
        throw new TopicParamsError(`unknown field(s): ${extra.join(', ')} (expected item, order)`);
      const id = record['item'];
      if (typeof id !== 'string') throw new TopicParamsError('"item" must be a string: the id of an item');
      // A merged item's old id is accepted and normalised to the id of the item that was kept.
      const item = itemOf({ item: id });
      const order = record['order'];
      if (order === undefined) return { item: item.id };
      if (!isShuffled(item)) {
        throw new TopicParamsError(`item "${id}" has a fixed option order: leave out "order"`);
      }
      const n = optionCount(item);
      if (!Array.isArray(order) || !isPermutation(order, n)) {
        throw new TopicParamsError(`"order" must list each option index 0..${n - 1} exactly once`);
      }
      return { item: item.id, order: order as number[] };
    },

    question: (params) => conceptQuestion(itemOf(params), params.order),
    solve: (params) => conceptAnswerParts(itemOf(params), params.order),
    explain: (params) => conceptSteps(itemOf(params), params.order),
  };
}
