import type { Engine } from '../../../engine/api.js';
import type { Logger } from '../config.js';
import type { FeedbackBoards } from '../feedback-board.js';
import type { QuestionMessages } from '../question-messages.js';

/** What every handler needs. */
export interface HandlerDeps {
  readonly engine: Engine;
  readonly logger: Logger;
  readonly questionMessages: QuestionMessages;
  /** Busy groups: one board message per question instead of one reply per answer. */
  readonly boards: FeedbackBoards;
}
