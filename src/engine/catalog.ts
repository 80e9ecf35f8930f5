import type { GroupInfo } from '../core/topics/groups.js';
import type { Selection } from '../core/topics/index.js';
import type { Topic } from '../core/types.js';

/** The topics the engine can ask about (the real registry by default; tests may pass a small one). */
export interface Catalog {
  readonly topics: readonly Topic<unknown>[];
  readonly groups: readonly GroupInfo[];
  resolveSelection(selector: string | undefined): Selection | undefined;
  findTopic(id: string): Topic<unknown> | undefined;
  suggestSelectors(selector: string, max?: number): string[];
}
