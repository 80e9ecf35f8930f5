/**
 * Remembers the last few thousand update ids so an update Telegram delivers again to the same process is skipped
 * before any work is done. This is only a shortcut: the engine's event ids are what guarantees "recorded once"
 * across restarts and across processes.
 */
export class RecentUpdates {
  private readonly seen = new Set<number>();

  constructor(private readonly capacity = 4096) {}

  /** Records the id; false when it was already seen. */
  add(updateId: number): boolean {
    if (this.seen.has(updateId)) return false;
    this.seen.add(updateId);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    return true;
  }
}
