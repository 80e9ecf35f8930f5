/**
 * Buttons under a question (and under feedback): Answer opens the answer modal (never deferred first: a modal
 * must be the first response), Hint / Solution answer privately, New question posts publicly.
 */
import type { ButtonInteraction } from '../interaction.js';
import { parseCustomId } from '../custom-ids.js';
import { answerModal } from '../render/answer-modal.js';
import { DISCORD_TEXTS } from '../texts.js';
import { sendError, sendNotice, type HandlerContext } from './context.js';
import { handleHint } from './hint.js';
import { handleNext } from './quiz.js';
import { handleSolution } from './solution.js';

export async function handleButton(interaction: ButtonInteraction, ctx: HandlerContext): Promise<void> {
  const id = parseCustomId(interaction.customId);
  if (id?.kind !== 'button') return sendNotice(ctx, DISCORD_TEXTS.unknownButton);
  switch (id.action) {
    case 'answer':
      return openAnswerModal(ctx, id.questionId, id.page);
    case 'hint':
      return handleHint(ctx, id.questionId);
    case 'solution':
      return handleSolution(ctx, id.questionId);
    case 'next':
      return handleNext(ctx, id.questionId);
  }
}

async function openAnswerModal(ctx: HandlerContext, questionId: string, page: number): Promise<void> {
  const { engine } = ctx;
  let open: ReadonlySet<string> | undefined;
  let view;
  if (engine.getPartStates) {
    const states = await engine.getPartStates({ actor: ctx.actor, place: ctx.place, questionId });
    if (!states.ok) return sendError(ctx, states.error, states.detail);
    view = states.value.question;
    open = new Set(states.value.parts.filter((p) => p.status === 'open').map((p) => p.id));
    if (open.size === 0) {
      const solvedAll = states.value.parts.every((p) => p.status === 'solved');
      return sendError(ctx, solvedAll ? 'already-solved' : 'no-tries-left');
    }
  } else {
    view = await engine.getQuestion(questionId);
    if (!view) return sendError(ctx, 'question-not-found');
  }
  const modal = answerModal(view, page, open);
  if (!modal) return sendNotice(ctx, DISCORD_TEXTS.noOpenPartsOnPage);
  await ctx.responder.showModal(modal);
}
