/** /stats: per-topic attempts, accuracy and first-try accuracy, weakest topics, streak, total points. */
import type { Actor, ProgressView, TopicProgressView } from './api.js';
import { localDay, previousDay } from './calendar.js';
import type { EngineDeps } from './deps.js';
import { ensureUser } from './load-target.js';
import { WEAKEST_COUNT, WEAKEST_MIN_ATTEMPTS } from './rules.js';

export async function getProgress(deps: EngineDeps, input: { actor: Actor }): Promise<ProgressView> {
  const user = await ensureUser(deps, input.actor);
  const [records, totalPoints] = await Promise.all([
    deps.store.getTopicProgress(user.id),
    deps.store.getTotalPoints(user.id),
  ]);
  const topics: TopicProgressView[] = records
    .map((r) => ({
      topicId: r.topicId,
      title: deps.catalog.findTopic(r.topicId)?.title ?? r.topicId,
      questions: r.questions,
      attempts: r.attempts,
      correct: r.correct,
      accuracy: r.attempts > 0 ? r.correct / r.attempts : 0,
      firstTryAccuracy: r.partsAttempted > 0 ? r.firstTryCorrect / r.partsAttempted : 0,
      lastSeen: r.lastSeenAt,
    }))
    .sort((a, b) => b.lastSeen.getTime() - a.lastSeen.getTime() || a.topicId.localeCompare(b.topicId));

  const weakest = topics
    .filter((t) => t.attempts >= WEAKEST_MIN_ATTEMPTS && t.accuracy < 1)
    .sort((a, b) => a.accuracy - b.accuracy || b.attempts - a.attempts || a.topicId.localeCompare(b.topicId))
    .slice(0, WEAKEST_COUNT)
    .map((t) => t.topicId);

  // The stored streak is as of the last active day; it is broken once a whole local day passed without activity.
  const today = localDay(deps.clock(), user.timeZone);
  const alive =
    user.lastActiveDay !== null &&
    (user.lastActiveDay === today || user.lastActiveDay === previousDay(today));
  return {
    displayName: user.displayName,
    totalPoints,
    topics,
    weakest,
    streak: { current: alive ? user.streakCurrent : 0, best: user.streakBest },
    timeZone: user.timeZone,
    optedOut: user.optOut,
  };
}
