/**
 * Routes every interaction to its handler inside one error boundary: each interaction is answered (a reply, a
 * deferred reply, a modal or autocomplete choices); an expected outcome gets its text, a failure a friendly
 * ephemeral message and a log line; an interaction that expired is logged, never crashes the bot.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
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
import { escapeText } from './markdown.js';
import { Responder, type RepliableInteraction } from './responder.js';
import { DISCORD_TEXTS } from './texts.js';

type CommandHandler = (interaction: ChatInputCommandInteraction, ctx: HandlerContext) => Promise<void>;

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

function describe(interaction: Interaction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    type: interaction.type,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isMessageComponent() || interaction.isModalSubmit()
      ? { customId: interaction.customId }
      : {}),
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
  };
}

async function route(interaction: RepliableInteraction, ctx: HandlerContext): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const name = interaction.commandName;
    if (!isDiscordCommandName(name)) return sendNotice(ctx, DISCORD_TEXTS.unknownCommand);
    const handler: CommandHandler = COMMAND_HANDLERS[name];
    return handler(interaction, ctx);
  }
  if (interaction.isButton()) return handleButton(interaction, ctx);
  return handleModalSubmit(interaction, ctx);
}

async function answerAutocomplete(interaction: AutocompleteInteraction, deps: HandlerDeps): Promise<void> {
  await respondAutocomplete(interaction, deps);
  deps.logger.debug('discord: interaction done', describe(interaction));
}

async function respondAutocomplete(interaction: AutocompleteInteraction, deps: HandlerDeps): Promise<void> {
  try {
    const focused = interaction.options.getFocused(true);
    const choices =
      interaction.commandName === 'quiz' && focused.name === 'topic'
        ? topicChoices(deps.engine.listTopics(), String(focused.value))
        : [];
    await interaction.respond(choices);
  } catch (error) {
    if (isExpiredInteraction(error)) {
      // Autocomplete requests are superseded by each keystroke; late ones are normal.
      deps.logger.debug('discord: autocomplete expired', { ...describe(interaction), ...errorFields(error) });
      return;
    }
    deps.logger.error('discord: autocomplete failed', { ...describe(interaction), ...errorFields(error) });
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

/** The interaction listener: never throws, never leaves an interaction unanswered on purpose. */
export function createInteractionRouter(deps: HandlerDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    if (interaction.isAutocomplete()) return answerAutocomplete(interaction, deps);
    if (!(interaction.isChatInputCommand() || interaction.isButton() || interaction.isModalSubmit())) {
      deps.logger.debug('discord: ignored interaction', describe(interaction));
      return;
    }
    const responder = new Responder(interaction, deps.logger);
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
        deps.logger.error('discord: handler finished without answering', describe(interaction));
        await responder.send({ content: escapeText(GENERIC_FAILURE), ephemeral: true });
      }
    } catch (error) {
      responder.cancelTimer();
      if (isExpiredInteraction(error)) {
        deps.logger.warn('discord: interaction expired or was already answered', {
          ...describe(interaction),
          ...errorFields(error),
        });
      } else {
        deps.logger.error('discord: interaction failed', { ...describe(interaction), ...errorFields(error) });
        try {
          await responder.send({ content: escapeText(GENERIC_FAILURE), ephemeral: true });
        } catch (second) {
          deps.logger.warn('discord: could not report a failure to the user', {
            ...describe(interaction),
            ...errorFields(second),
          });
        }
      }
    } finally {
      responder.cancelTimer();
      deps.logger.debug('discord: interaction done', {
        ...describe(interaction),
        ms: Math.round((performance.now() - started) * 100) / 100,
      });
    }
  };
}
