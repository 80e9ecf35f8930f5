/**
 * The grammY bot: middleware order, command routing, button and answer handlers. Used by `startTelegram` in both
 * long-polling and webhook mode.
 */
import { Bot, type CommandContext, type Context } from 'grammy';
import type { Update } from 'grammy/types';
import type { Engine } from '../../engine/api.js';
import type { RateLimiter } from '../shared/rate-limiter.js';
import { RATE_LIMITED } from '../shared/texts.js';
import { commandsFor } from '../shared/commands.js';
import { boundedApiCalls, DEFAULT_API_CALL_POLICY, type ApiCallEvents } from './bounded-api-calls.js';
import type { Logger, TelegramConfig, TelegramTuning } from './config.js';
import { FeedbackBoards } from './feedback-board.js';
import { OutboundPacer, TELEGRAM_LIMITS } from './outbound-pacer.js';
import { classifyError, handleFailure } from './error-boundary.js';
import { handleAnswer, handleNonText } from './handlers/answer.js';
import { handleCallback } from './handlers/callback.js';
import type { HandlerDeps } from './handlers/deps.js';
import { handleHint, handleSolution } from './handlers/hint.js';
import { handleHelp, handleStart, handleTopics, handleUnknownCommand } from './handlers/info.js';
import { handleNext, handleQuiz } from './handlers/quiz.js';
import { handleLeaderboard, handleOptOut, handleStats } from './handlers/stats.js';
import { commandAddress } from './identity.js';
import { QuestionMessages } from './question-messages.js';
import { RecentUpdates } from './recent-updates.js';
import { escapeHtml } from './render/escape.js';

export interface CreateBotOptions {
  readonly config: TelegramConfig;
  readonly engine: Engine;
  readonly logger: Logger;
  readonly tuning?: TelegramTuning;
  /** Called once per update after it is fully handled, error boundary included (tests and benchmarks wait on it). */
  readonly onUpdateHandled?: (update: Update) => void;
  /** Per-user limits on commands and button presses, and on answers in groups (shared across instances or not). */
  readonly limits: { readonly commands: RateLimiter; readonly groupAnswers: RateLimiter };
  /** Aborted by stop(): every Bot API call, retry wait and pacing wait ends. */
  readonly shutdown: AbortSignal;
  readonly apiEvents?: ApiCallEvents;
}

/** The updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

type CommandHandler = (deps: HandlerDeps, ctx: CommandContext<Context>) => Promise<void>;

/** One handler per Telegram command spec in `../shared/commands.ts`. */
const COMMAND_HANDLERS: Record<string, CommandHandler> = {
  start: (deps, ctx) => handleStart(deps, ctx, ctx.match),
  help: (deps, ctx) => handleHelp(deps, ctx),
  topics: (deps, ctx) => handleTopics(deps, ctx),
  quiz: (deps, ctx) => handleQuiz(deps, ctx, ctx.match),
  hint: (deps, ctx) => handleHint(deps, ctx),
  solution: (deps, ctx) => handleSolution(deps, ctx),
  next: (deps, ctx) => handleNext(deps, ctx),
  stats: (deps, ctx) => handleStats(deps, ctx),
  leaderboard: (deps, ctx) => handleLeaderboard(deps, ctx, ctx.match),
  optout: (deps, ctx) => handleOptOut(deps, ctx, ctx.match),
};

export function createTelegramBot(options: CreateBotOptions): Bot {
  const { config, logger } = options;
  const tuning = options.tuning ?? {};
  const pollingTimeout = tuning.pollingTimeoutSeconds ?? 30;
  const bot = new Bot(config.token, {
    client: {
      ...(config.apiRoot === undefined ? {} : { apiRoot: config.apiRoot }),
      // A backstop above the per-attempt timeouts of boundedApiCalls (a long poll must fit in it).
      timeoutSeconds: pollingTimeout + 15,
    },
  });
  const pacer = new OutboundPacer({ limits: tuning.pacing ?? TELEGRAM_LIMITS, shutdown: options.shutdown });
  // Order matters: the last transformer installed runs first, so each message waits for its slot once and the
  // retries below it are not paced again.
  bot.api.config.use(
    boundedApiCalls({
      policy: { ...DEFAULT_API_CALL_POLICY, ...tuning.apiCalls },
      shutdown: options.shutdown,
      ...(options.apiEvents ? { events: options.apiEvents } : {}),
    }),
  );
  bot.api.config.use(pacer.transformer());
  const boards = new FeedbackBoards({
    api: bot.api,
    pacer,
    busyAfter: tuning.feedbackBoard?.busyAfter ?? 4,
    intervalMs: tuning.feedbackBoard?.intervalMs ?? 5000,
    shutdown: options.shutdown,
  });
  const deps: HandlerDeps = {
    engine: options.engine,
    logger,
    questionMessages: new QuestionMessages(),
    boards,
  };

  const recent = new RecentUpdates();
  const limiter = options.limits.commands;
  const groupAnswers = options.limits.groupAnswers;

  // The error boundary, outermost: nothing a handler throws stops the bot or goes unanswered.
  bot.use(async (ctx, next) => {
    try {
      if (!recent.add(ctx.update.update_id)) {
        logger.info('update delivered again, skipped', { updateId: ctx.update.update_id });
        return;
      }
      await next();
    } catch (error) {
      await handleFailure(ctx, error, logger);
    } finally {
      options.onUpdateHandled?.(ctx.update);
    }
  });

  // Commands for other bots are never ours (and never answers); ours are rate limited per user, and so are
  // answers in groups, where every answer makes the bot post.
  bot.on('message', async (ctx, next) => {
    const address = commandAddress(ctx.message, ctx.me.username);
    if (address === 'other') return;
    const userId = String(ctx.from.id);
    if (address === 'ours' && !(await admit(ctx, limiter, userId))) return;
    const groupAnswer =
      address === 'none' &&
      ctx.chat.type !== 'private' &&
      ctx.message.reply_to_message?.from?.id === ctx.me.id;
    if (groupAnswer && !(await admit(ctx, groupAnswers, userId))) return;
    await next();
  });
  bot.on('callback_query', async (ctx, next) => {
    const decision = await limiter.check(String(ctx.from.id));
    if (decision !== 'allow') {
      // Always answer a button press so its spinner stops; the warning text only once.
      await ctx.answerCallbackQuery(decision === 'warn' ? { text: RATE_LIMITED } : {});
      return;
    }
    await next();
  });

  async function admit(ctx: Context, bucket: RateLimiter, userId: string): Promise<boolean> {
    const decision = await bucket.check(userId);
    if (decision === 'warn' && ctx.message) {
      await ctx.reply(escapeHtml(RATE_LIMITED), {
        parse_mode: 'HTML',
        reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
      });
    }
    return decision === 'allow';
  }

  for (const spec of commandsFor('telegram')) {
    const handler = COMMAND_HANDLERS[spec.name];
    if (!handler) throw new Error(`no Telegram handler for the /${spec.name} command spec`);
    bot.command(spec.name, (ctx) => handler(deps, ctx));
  }
  bot.on('callback_query:data', (ctx) => handleCallback(deps, ctx));
  bot.on('callback_query', (ctx) => ctx.answerCallbackQuery());
  bot.on('message:text', async (ctx) => {
    const address = commandAddress(ctx.message, ctx.me.username);
    if (address === 'none') return handleAnswer(deps, ctx);
    // An unknown command: in a group a bare /foo may be meant for another bot, so only /foo@us gets an answer.
    const explicit = ctx.message.text.slice(0, ctx.message.entities?.[0]?.length ?? 0).includes('@');
    if (ctx.chat.type === 'private' || explicit) return handleUnknownCommand(deps, ctx);
  });
  bot.on('message', (ctx) => handleNonText(deps, ctx));

  // Backstop only: the boundary above catches handler errors, so this runs for failures inside grammY itself.
  bot.catch((botError) => {
    logger.error('unhandled error outside the boundary', {
      updateId: botError.ctx.update.update_id,
      ...classifyError(botError.error).fields,
    });
  });
  return bot;
}
