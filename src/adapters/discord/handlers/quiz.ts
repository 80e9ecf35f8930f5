/** /quiz [topic] and /next: a public question with fresh numbers. */
import type { CommandInteraction } from '../interaction.js';
import type { OptionName } from '../commands.js';
import { postQuestion, sendError, type HandlerContext } from './context.js';

export async function handleQuiz(interaction: CommandInteraction, ctx: HandlerContext): Promise<void> {
  ctx.responder.deferAfter(ctx.deferAfterMs, false);
  const selector = interaction.strings.get('topic' satisfies OptionName<'quiz'>)?.trim();
  const result = await ctx.engine.startQuiz({
    actor: ctx.actor,
    place: ctx.place,
    event: ctx.event,
    ...(selector ? { selector } : {}),
  });
  if (!result.ok) return sendError(ctx, result.error, result.detail);
  await postQuestion(ctx, result.value);
}

/** /next, and the "New question" button (with the question id it was clicked on). */
export async function handleNext(ctx: HandlerContext, questionId?: string): Promise<void> {
  ctx.responder.deferAfter(ctx.deferAfterMs, false);
  const result = await ctx.engine.nextQuestion({
    actor: ctx.actor,
    place: ctx.place,
    event: ctx.event,
    ...(questionId !== undefined ? { questionId } : {}),
  });
  if (!result.ok) return sendError(ctx, result.error, result.detail);
  await postQuestion(ctx, result.value);
}
