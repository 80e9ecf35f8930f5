/** Discord's message and embed limits, and helpers that keep rendered output inside them. */
import type { APIEmbed } from 'discord.js';
import { truncate } from '../markdown.js';

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of every text in all embeds of one message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  buttonLabel: 80,
  modalTitle: 45,
  labelText: 45,
  labelDescription: 100,
  placeholder: 100,
  autocompleteChoices: 25,
  choiceName: 100,
} as const;

export const COLOURS = {
  question: 0x5865f2,
  correct: 0x57f287,
  wrong: 0xed4245,
  info: 0xfee75c,
  neutral: 0x99aab5,
} as const;

/** Characters an embed counts toward the 6000 total. */
export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * Packs text blocks into embed descriptions of at most `max` characters (a block longer than that is cut), in
 * order. Blocks are joined by blank lines.
 */
export function packBlocks(blocks: readonly string[], max: number = LIMITS.embedDescription - 96): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of blocks) {
    const block = truncate(raw, max);
    if (current === '') current = block;
    else if (current.length + 2 + block.length <= max) current = `${current}\n\n${block}`;
    else {
      out.push(current);
      current = block;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Splits embeds into messages that respect the per-message count and total-length limits. */
export function packEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let total = 0;
  for (const e of embeds) {
    const len = embedLength(e);
    if (
      current.length > 0 &&
      (current.length >= LIMITS.embedsPerMessage || total + len > LIMITS.embedTotal)
    ) {
      messages.push(current);
      current = [];
      total = 0;
    }
    current.push(e);
    total += len;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
