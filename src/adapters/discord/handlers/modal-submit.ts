/**
 * A submitted answer modal: one text per part id goes to the engine; the feedback is ephemeral, the worked
 * solution follows (ephemeral) when the student is done, and a solve is celebrated in one short public line.
 */
import type { ModalInteraction } from '../interaction.js';
import { parseCustomId, parsePartFieldId } from '../custom-ids.js';
import { escapeText, escapeUserText } from '../markdown.js';
import { packEmbeds } from '../render/limits.js';
import { outcomeMessage } from '../render/outcome.js';
import { DISCORD_TEXTS } from '../texts.js';
import { sendError, sendNotice, type HandlerContext } from './context.js';

/** Non-empty answers by part id, from the modal's text inputs. */
export function answersFromModal(interaction: ModalInteraction): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [customId, text] of interaction.fields) {
    const partId = parsePartFieldId(customId);
    const value = text.trim();
    if (partId !== undefined && value !== '') parts[partId] = value;
  }
  return parts;
}

export async function handleModalSubmit(interaction: ModalInteraction, ctx: HandlerContext): Promise<void> {
  const id = parseCustomId(interaction.customId);
  if (id?.kind !== 'modal') return sendNotice(ctx, DISCORD_TEXTS.unknownButton);
  const parts = answersFromModal(interaction);
  if (Object.keys(parts).length === 0) return sendNotice(ctx, DISCORD_TEXTS.emptyModal);
  ctx.responder.deferAfter(ctx.deferAfterMs, true);
  const result = await ctx.engine.submitAnswer({
    actor: ctx.actor,
    place: ctx.place,
    questionId: id.questionId,
    answer: { parts },
    event: ctx.event,
  });
  if (!result.ok) return sendError(ctx, result.error, result.detail);
  const outcome = result.value;
  const rendered = outcomeMessage(outcome);
  // The feedback and the worked solution share one message when they fit (one request instead of two).
  const [first = [], ...more] = packEmbeds([...rendered.embeds, ...rendered.solution.flat()]);
  await ctx.responder.send({ embeds: first, components: rendered.components, ephemeral: true });
  for (const embeds of more) await ctx.responder.send({ embeds, ephemeral: true });
  await ctx.engine.markDelivered({ actor: ctx.actor, event: ctx.event });
  // Only a solve that earned points is celebrated (not one after peeking at the solution), in one public line per
  // burst of solvers of this question here, sent through the first solver's interaction.
  if (outcome.solved && !outcome.duplicate && outcome.pointsAwarded > 0) {
    const name = `**${escapeUserText(ctx.actor.displayName, 64)}**`;
    const { responder } = ctx;
    ctx.celebrations.add(
      ctx.place.channelId,
      outcome.question.questionId,
      escapeText(outcome.question.title),
      { name, points: outcome.pointsAwarded },
      async (content) => void (await responder.send({ content, ephemeral: false })),
    );
  }
}
