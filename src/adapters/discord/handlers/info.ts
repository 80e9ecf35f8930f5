/** /topics and /help: static information, shown only to the caller. */
import { helpEmbed } from '../render/help.js';
import { topicsEmbed } from '../render/topics.js';
import type { HandlerContext } from './context.js';

export async function handleTopics(ctx: HandlerContext): Promise<void> {
  await ctx.responder.send({ embeds: [topicsEmbed(ctx.engine.listTopics())], ephemeral: true });
}

export async function handleHelp(ctx: HandlerContext): Promise<void> {
  await ctx.responder.send({ embeds: [helpEmbed()], ephemeral: true });
}
