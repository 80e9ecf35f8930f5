/** /topics: every group with its topics (a topic may appear in several groups). Empty groups are left out. */
import type { TopicListView } from './api.js';
import type { Catalog } from './catalog.js';

export function listTopics(catalog: Catalog): TopicListView {
  return {
    groups: catalog.groups
      .map((g) => ({
        id: g.id,
        title: g.title,
        summary: g.summary,
        topics: catalog.topics
          .filter((t) => t.groups.includes(g.id))
          .map((t) => ({ id: t.id, title: t.title, summary: t.summary, difficulty: t.difficulty })),
      }))
      .filter((g) => g.topics.length > 0),
  };
}
