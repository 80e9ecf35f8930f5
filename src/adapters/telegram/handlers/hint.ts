/** /hint and /solution: about the question the command replies to, or the latest one in the chat. */
import type { Context } from 'grammy';
import { errorText } from '../../shared/texts.js';
import { messageEvent } from '../identity.js';
import { hintHtml, solutionHtml } from '../render/steps.js';
import { sendHtml } from '../send.js';
import { messageInput, questionIdField, repliedQuestionId, replyPlain } from './common.js';
import type { HandlerDeps } from './deps.js';

export async function handleHint(deps: HandlerDeps, ctx: Context): Promise<void> {
  const input = messageInput(ctx);
  if (!input) return;
  const questionId = await repliedQuestionId(deps, ctx, input);
  const event = messageEvent(input.message);
  const result = await deps.engine.getHint({
    actor: input.actor,
    place: input.place,
    event,
    ...questionIdField(questionId),
  });
  if (!result.ok) {
    await replyPlain(ctx, errorText(result.error, result.detail), input.message.message_id);
    return;
  }
  if (result.value.duplicate === true) return;
  await sendHtml(ctx, hintHtml(result.value, input.inGroup ? input.actor.displayName : undefined), {
    replyTo: input.message.message_id,
  });
  await deps.engine.markDelivered({ actor: input.actor, event, use: 'hint' });
}

export async function handleSolution(deps: HandlerDeps, ctx: Context): Promise<void> {
  const input = messageInput(ctx);
  if (!input) return;
  const questionId = await repliedQuestionId(deps, ctx, input);
  const result = await deps.engine.revealSolution({
    actor: input.actor,
    place: input.place,
    // Everyone in a group sees it, so nobody there earns points on this question afterwards.
    public: input.inGroup,
    event: messageEvent(input.message),
    ...questionIdField(questionId),
  });
  if (!result.ok) {
    await replyPlain(ctx, errorText(result.error, result.detail), input.message.message_id);
    return;
  }
  await sendHtml(ctx, solutionHtml(result.value), { replyTo: input.message.message_id });
}
