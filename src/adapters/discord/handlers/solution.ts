/**
 * /solution and the Solution button: the worked solution, shown only to the student who asked (so the question
 * stays open for everyone else; the engine stops this student's points on it).
 */
import { solutionMessages } from '../render/steps.js';
import { sendError, type HandlerContext } from './context.js';

export async function handleSolution(ctx: HandlerContext, questionId?: string): Promise<void> {
  ctx.responder.deferAfter(ctx.deferAfterMs, true);
  const result = await ctx.engine.revealSolution({
    actor: ctx.actor,
    place: ctx.place,
    event: ctx.event,
    public: false,
    ...(questionId !== undefined ? { questionId } : {}),
  });
  if (!result.ok) return sendError(ctx, result.error, result.detail);
  const { question } = result.value;
  for (const embeds of solutionMessages({ ...result.value, title: question.title, parts: question.parts })) {
    await ctx.responder.send({ embeds, ephemeral: true });
  }
}
