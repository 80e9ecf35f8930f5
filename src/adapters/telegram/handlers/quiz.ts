/** /quiz [topic], /start <topic> (deep link) and /next. */
import type { Context } from 'grammy';
import { errorText } from '../../shared/texts.js';
import { messageEvent } from '../identity.js';
import { messageInput, postQuestion, questionIdField, repliedQuestionId, replyPlain } from './common.js';
import type { HandlerDeps } from './deps.js';

/** Longest selector passed to the engine; anything longer cannot be a topic id. */
const MAX_SELECTOR = 64;

export async function handleQuiz(deps: HandlerDeps, ctx: Context, selector: string): Promise<void> {
  const input = messageInput(ctx);
  if (!input) return;
  const trimmed = selector.trim().slice(0, MAX_SELECTOR);
  const result = await deps.engine.startQuiz({
    actor: input.actor,
    place: input.place,
    event: messageEvent(input.message),
    ...(trimmed === '' ? {} : { selector: trimmed }),
  });
  if (!result.ok) {
    await replyPlain(ctx, errorText(result.error, result.detail), input.message.message_id);
    return;
  }
  await postQuestion(deps, ctx, result.value, { inGroup: input.inGroup, replyTo: input.message.message_id });
}

export async function handleNext(deps: HandlerDeps, ctx: Context): Promise<void> {
  const input = messageInput(ctx);
  if (!input) return;
  const questionId = await repliedQuestionId(deps, ctx, input);
  const result = await deps.engine.nextQuestion({
    actor: input.actor,
    place: input.place,
    event: messageEvent(input.message),
    ...questionIdField(questionId),
  });
  if (!result.ok) {
    await replyPlain(ctx, errorText(result.error, result.detail), input.message.message_id);
    return;
  }
  await postQuestion(deps, ctx, result.value, { inGroup: input.inGroup, replyTo: input.message.message_id });
}
