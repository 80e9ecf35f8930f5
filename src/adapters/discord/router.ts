/**
 * Routes every interaction to its handler inside one error boundary: each interaction is answered (a reply, a
 * deferred reply, a modal or autocomplete choices); an expected outcome gets its text, a failure a friendly
 * ephemeral message and a log line; an interaction that expired is logged, never crashes the bot. The router does
 * not know whether the interaction came through the gateway or the HTTP endpoint: both give an Incoming and a
 * Transport.
 */
import { GENERIC_FAILURE } from '../shared/texts.js';
import { isDiscordCommandName, type DiscordCommandName } from './commands.js';
import { actorOf, eventOf, placeOf } from './context.js';
import { errorFields, isExpiredInteraction } from './errors.js';
import { topicChoices } from './handlers/autocomplete.js';
import { handleButton } from './handlers/buttons.js';
import type { HandlerContext, HandlerDeps } from './handlers/context.js';
import { sendNotice } from './handlers/context.js';
import { handleHint } from './handlers/hint.js';
import { handleHelp, handleTopics } from './handlers/info.js';
import { handleLeaderboard } from './handlers/leaderboard.js';
import { handleModalSubmit } from './handlers/modal-submit.js';
import { handleOptOut } from './handlers/optout.js';
import { handleNext, handleQuiz } from './handlers/quiz.js';
import { handleResetLeaderboard } from './handlers/reset-leaderboard.js';
import { handleSolution } from './handlers/solution.js';
import { handleStats } from './handlers/stats.js';
import {
  describeInteraction,
  type AutocompleteInteraction,
  type CommandInteraction,
  type Incoming,
} from './interaction.js';
import { escapeText } from './markdown.js';
import { Responder } from './responder.js';
import { DISCORD_TEXTS } from './texts.js';
import type { Transport } from './transport.js';

type CommandHandler = (interaction: CommandInteraction, ctx: HandlerContext) => Promise<void>;

/** One handler per Discord command: adding a command spec without a handler does not compile. */
const COMMAND_HANDLERS = {
  quiz: handleQuiz,
  hint: (_i, ctx) => handleHint(ctx),
  solution: (_i, ctx) => handleSolution(ctx),
  next: (_i, ctx) => handleNext(ctx),
  stats: handleStats,
  leaderboard: handleLeaderboard,
  topics: (_i, ctx) => handleTopics(ctx),
  help: (_i, ctx) => handleHelp(ctx),
  optout: (_i, ctx) => handleOptOut(ctx),
  'reset-leaderboard': handleResetLeaderboard,
} as const satisfies Record<DiscordCommandName, CommandHandler>;

type Repliable = Exclude<Incoming, AutocompleteInteraction>;

async function route(interaction: Repliable, ctx: HandlerContext): Promise<void> {
  switch (interaction.kind) {
    case 'command': {
      const name = interaction.commandName;
      if (!isDiscordCommandName(name)) return sendNotice(ctx, DISCORD_TEXTS.unknownCommand);
      const handler: CommandHandler = COMMAND_HANDLERS[name];
      return handler(interaction, ctx);
    }
    case 'button':
      return handleButton(interaction, ctx);
    case 'modal':
      return handleModalSubmit(interaction, ctx);
  }
}

async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  responder: Responder,
  deps: HandlerDeps,
): Promise<void> {
  try {
    const focused = interaction.focused;
    const choices =
      interaction.commandName === 'quiz' && focused?.name === 'topic'
        ? topicChoices(deps.engine.listTopics(), focused.value)
        : [];
    await responder.choices(choices);
  } catch (error) {
    if (isExpiredInteraction(error)) {
      // Autocomplete requests are superseded by each keystroke; late ones are normal.
      deps.logger.debug('discord: autocomplete expired', {
        ...describeInteraction(interaction),
        ...errorFields(error),
      });
      return;
    }
    deps.logger.error('discord: autocomplete failed', {
      ...describeInteraction(interaction),
      ...errorFields(error),
    });
    if (!responder.acknowledged) await responder.choices([]).catch(() => undefined);
  }
  deps.logger.debug('discord: interaction done', describeInteraction(interaction));
}

/** Handles one interaction: never throws, never leaves an interaction unanswered on purpose. */
export type InteractionRouter = (interaction: Incoming, transport: Transport) => Promise<void>;

export function createInteractionRouter(deps: HandlerDeps): InteractionRouter {
  return async (interaction, transport) => {
    const responder = new Responder(transport, deps.logger, interaction.kind === 'modal');
    if (interaction.kind === 'autocomplete') return answerAutocomplete(interaction, responder, deps);
    const started = performance.now();
    try {
      const ctx: HandlerContext = {
        ...deps,
        responder,
        actor: actorOf(interaction),
        place: placeOf(interaction),
        event: eventOf(interaction),
      };
      await route(interaction, ctx);
      if (!responder.acknowledged) {
        deps.logger.error('discord: handler finished without answering', describeInteraction(interaction));
        await responder.send({ content: escapeText(GENERIC_FAILURE), ephemeral: true });
      }
    } catch (error) {
      responder.cancelTimer();
      if (isExpiredInteraction(error)) {
        deps.logger.warn('discord: interaction expired or was already answered', {
          ...describeInteraction(interaction),
          ...errorFields(error),
        });
      } else {
        deps.logger.error('discord: interaction failed', {
          ...describeInteraction(interaction),
          ...errorFields(error),
        });
        try {
          await responder.send({ content: escapeText(GENERIC_FAILURE), ephemeral: true });
        } catch (second) {
          deps.logger.warn('discord: could not report a failure to the user', {
            ...describeInteraction(interaction),
            ...errorFields(second),
          });
        }
      }
    } finally {
      responder.cancelTimer();
      deps.logger.debug('discord: interaction done', {
        ...describeInteraction(interaction),
        ms: Math.round((performance.now() - started) * 100) / 100,
      });
    }
  };
}
