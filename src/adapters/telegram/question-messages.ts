/**
 * Which question a bot message shows, remembered in-process. A message shows one question forever, so this
 * never goes stale; it only spares the store a lookup for every reply in a busy group. A miss (another process
 * posted the question, or it was evicted) falls back to the engine.
 */
export class QuestionMessages {
  private readonly map = new Map<string, string>();

  constructor(private readonly capacity = 5000) {}

  private static key(chatId: number, messageId: number): string {
    return `${chatId}:${messageId}`;
  }

  get(chatId: number, messageId: number): string | undefined {
    return this.map.get(QuestionMessages.key(chatId, messageId));
  }

  set(chatId: number, messageId: number, questionId: string): void {
    const key = QuestionMessages.key(chatId, messageId);
    this.map.delete(key);
    this.map.set(key, questionId);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }
}
