/** /hint and the Hint button: the next step of the worked solution, only for the student who asked. */
import { hintEmbed } from '../render/hint.js';
import { sendError, type HandlerContext } from './context.js';

export async function handleHint(ctx: HandlerContext, questionId?: string): Promise<void> {
  ctx.responder.deferAfter(ctx.deferAfterMs, true);
  const result = await ctx.engine.getHint({
    actor: ctx.actor,
    place: ctx.place,
    event: ctx.event,
    ...(questionId !== undefined ? { questionId } : {}),
  });
  if (!result.ok) return sendError(ctx, result.error, result.detail);
  await ctx.responder.send({ embeds: [hintEmbed(result.value)], ephemeral: true });
}
