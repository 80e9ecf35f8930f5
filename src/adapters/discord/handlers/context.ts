/** What every handler gets: the engine, the responder for this interaction, and who acts where. */
import type { Actor, Engine, EventRef, Place, QuestionView } from '../../../engine/api.js';
import type { ErrorDetail } from '../../../core/result.js';
import type { Logger } from '../../../logger.js';
import { errorText } from '../../shared/texts.js';
import { escapeText } from '../markdown.js';
import { questionMessage } from '../render/question.js';
import type { Celebrations } from '../celebrations.js';
import type { Responder } from '../responder.js';

export interface HandlerDeps {
  readonly engine: Engine;
  readonly logger: Logger;
  /** Defer when the answer is not ready after this many ms. */
  readonly deferAfterMs: number;
  /** The public lines celebrating solves, one per burst of solvers. */
  readonly celebrations: Celebrations;
}

export interface HandlerContext extends HandlerDeps {
  readonly responder: Responder;
  readonly actor: Actor;
  readonly place: Place;
  readonly event: EventRef;
}

type EngineErrorCode = Parameters<typeof errorText>[0];

/** An expected outcome the student should fix (unknown topic, no open question...): shown only to them. */
export async function sendError(
  ctx: HandlerContext,
  code: EngineErrorCode,
  detail?: ErrorDetail,
): Promise<void> {
  await ctx.responder.send({ content: escapeText(errorText(code, detail)), ephemeral: true });
}

export async function sendNotice(ctx: HandlerContext, text: string, ephemeral = true): Promise<void> {
  await ctx.responder.send({ content: escapeText(text), ephemeral });
}

/** Posts a question publicly and records which message shows it. */
export async function postQuestion(ctx: HandlerContext, view: QuestionView): Promise<void> {
  const messageId = await ctx.responder.send(
    { ...questionMessage(view), ephemeral: false },
    { withId: true },
  );
  if (messageId !== undefined) await ctx.engine.attachMessage({ questionId: view.questionId, messageId });
}
