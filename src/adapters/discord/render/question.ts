/** A posted question: an embed (givens in code blocks) with Answer / Hint / Solution / New question buttons. */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord.js';
import type { QuestionView } from '../../../engine/api.js';
import { buttonId } from '../custom-ids.js';
import { escapeText, truncate } from '../markdown.js';
import { DISCORD_TEXTS } from '../texts.js';
import { COLOURS, cut, LIMITS } from './limits.js';
import { namedValue } from './values.js';

/** A modal holds at most 5 text inputs: parts are answered 5 at a time. */
export const PARTS_PER_MODAL = 5;

export interface PartPage {
  readonly page: number;
  /** 1-based, inclusive. */
  readonly from: number;
  readonly to: number;
}

export function partPages(partCount: number): PartPage[] {
  const pages: PartPage[] = [];
  for (let start = 0; start < partCount; start += PARTS_PER_MODAL) {
    pages.push({
      page: pages.length,
      from: start + 1,
      to: Math.min(partCount, start + PARTS_PER_MODAL),
    });
  }
  return pages;
}

export function pageOfPart(index: number): number {
  return Math.floor(index / PARTS_PER_MODAL);
}

export function difficultyStars(d: 1 | 2 | 3): string {
  return '★'.repeat(d) + '☆'.repeat(3 - d);
}

export function questionEmbed(view: QuestionView): APIEmbed {
  const prompts = new Map(view.question.parts.map((p) => [p.id, p.prompt]));
  const blocks: string[] = [escapeText(view.question.text)];
  if (view.question.givens.length > 0)
    blocks.push(view.question.givens.map((g) => namedValue(g.name, g.value)).join('\n'));
  const parts = view.parts.map((p) => {
    const prompt = prompts.get(p.id);
    return `**${escapeText(`${p.letter})`)}**${prompt ? ` ${escapeText(prompt)}` : ` ${escapeText(p.name)}`}`;
  });
  if (parts.length > 0) blocks.push(parts.join('\n'));
  const hints = view.hintCount === 1 ? '1 hint' : `${view.hintCount} hints`;
  return {
    color: COLOURS.question,
    title: cut(`📝 ${escapeText(view.title)}`, LIMITS.embedTitle),
    description: truncate(blocks.join('\n\n'), LIMITS.embedDescription),
    footer: {
      text: `${view.topicId} · seed ${view.seed} · ${difficultyStars(view.difficulty)} · ${view.maxTries} tries per part · ${hints}`,
    },
  };
}

function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success,
): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: customId, label: cut(label, LIMITS.buttonLabel), style };
}

/** Answer buttons: one "Answer", or one per page of 5 parts. */
export function answerButtons(
  view: QuestionView,
  pages: readonly PartPage[] = partPages(view.parts.length),
): APIButtonComponent[] {
  if (pages.length <= 1)
    return [button(buttonId('answer', view.questionId, 0), DISCORD_TEXTS.answerButton, ButtonStyle.Primary)];
  return pages.map((p) =>
    button(
      buttonId('answer', view.questionId, p.page),
      DISCORD_TEXTS.answerPartsButton(p.from, p.to),
      ButtonStyle.Primary,
    ),
  );
}

export function questionButtons(view: QuestionView): APIActionRowComponent<APIButtonComponent>[] {
  const answer = answerButtons(view).slice(0, PARTS_PER_MODAL);
  const rest = [
    button(buttonId('hint', view.questionId), DISCORD_TEXTS.hintButton, ButtonStyle.Secondary),
    button(buttonId('solution', view.questionId), DISCORD_TEXTS.solutionButton, ButtonStyle.Secondary),
    button(buttonId('next', view.questionId), DISCORD_TEXTS.nextButton, ButtonStyle.Success),
  ];
  const all = [...answer, ...rest];
  const rows = all.length <= 5 ? [all] : [answer, rest];
  return rows.map((components) => ({ type: ComponentType.ActionRow, components }));
}

export function questionMessage(view: QuestionView): {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  return { embeds: [questionEmbed(view)], components: questionButtons(view) };
}
