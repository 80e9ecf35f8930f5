/** Feedback on a submitted answer (ephemeral): a line per graded part, the student's state per part, next steps. */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord.js';
import type { PartGrade } from '../../../core/answers/index.js';
import type { PartState, SubmitOutcome } from '../../../engine/api.js';
import { gradeText, partTitle, settledText, triesLeftText } from '../../shared/texts.js';
import { buttonId } from '../custom-ids.js';
import { defuseMentions, escapeText, inlineCode } from '../markdown.js';
import { DISCORD_TEXTS } from '../texts.js';
import { COLOURS, cut, LIMITS } from './limits.js';
import { pageOfPart, partPages } from './question.js';
import { solutionMessages } from './steps.js';

const STATUS_ICON: Record<PartGrade['status'], string> = {
  correct: '✅',
  coarse: '🔎',
  wrong: '❌',
  invalid: '⚠️',
};

/** What the student typed, shown verbatim in inline code (no markdown applies there) with mentions defused. */
export function typedText(typed: string): string {
  const oneLine = typed.replace(/[\r\n\t]+/g, ' ').trim();
  return inlineCode(defuseMentions(cut(oneLine === '' ? ' ' : oneLine, 100)));
}

export function gradeLine(grade: PartGrade, label: string, letterOf: (partId: string) => string): string {
  return `${STATUS_ICON[grade.status]} **${escapeText(label)}** ${typedText(grade.typed)}\n${escapeText(gradeText(grade, letterOf))}`;
}

export function partStateLine(p: PartState): string {
  const label = `**${escapeText(partTitle(p))}**`;
  switch (p.status) {
    case 'solved':
      return `✅ ${label} solved`;
    case 'failed':
      return `❌ ${label} ${triesLeftText(0)}`;
    case 'open':
      return `⏳ ${label} open · ${triesLeftText(p.triesLeft)}`;
  }
}

export interface RenderedOutcome {
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIButtonComponent>[];
  /** The worked solution, when the question is finished for this student: sent as further ephemeral messages. */
  readonly solution: APIEmbed[][];
}

export function outcomeMessage(outcome: SubmitOutcome): RenderedOutcome {
  const view = outcome.question;
  const labels = new Map(view.parts.map((p) => [p.id, partTitle(p)]));
  const letterOf = (id: string): string => view.parts.find((p) => p.id === id)?.letter ?? id;
  const title = escapeText(view.title);
  const heading = outcome.solved
    ? `✅ Solved: ${title}`
    : outcome.finished
      ? `Out of tries: ${title}`
      : `Answer checked: ${title}`;
  const blocks: string[] = [];
  if (outcome.duplicate) blocks.push(escapeText(DISCORD_TEXTS.duplicate));
  if (outcome.grades.length > 0)
    blocks.push(outcome.grades.map((g) => gradeLine(g, labels.get(g.partId) ?? '', letterOf)).join('\n'));
  if (outcome.settled.length > 0) blocks.push(escapeText(settledText(outcome.settled)));
  if (outcome.parts.length > 1 || !outcome.finished) blocks.push(outcome.parts.map(partStateLine).join('\n'));
  if (outcome.pointsAwarded > 0) blocks.push(`**+${outcome.pointsAwarded} points**`);
  const embed: APIEmbed = {
    color: outcome.solved ? COLOURS.correct : outcome.finished ? COLOURS.wrong : COLOURS.neutral,
    title: cut(heading, LIMITS.embedTitle),
    description: cut(blocks.join('\n\n'), LIMITS.embedDescription),
  };

  const components: APIActionRowComponent<APIButtonComponent>[] = [];
  if (!outcome.finished) {
    const openPages = new Set(
      view.parts.flatMap((p, i) =>
        outcome.parts.find((s) => s.id === p.id)?.status === 'open' ? [pageOfPart(i)] : [],
      ),
    );
    const pages = partPages(view.parts.length).filter((p) => openPages.has(p.page));
    const answer: APIButtonComponent[] = pages.slice(0, 3).map((p) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      custom_id: buttonId('answer', view.questionId, p.page),
      label:
        pages.length === 1
          ? DISCORD_TEXTS.answerRemainingButton
          : DISCORD_TEXTS.answerPartsButton(p.from, p.to),
    }));
    components.push({
      type: ComponentType.ActionRow,
      components: [
        ...answer,
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: buttonId('hint', view.questionId),
          label: DISCORD_TEXTS.hintButton,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: buttonId('solution', view.questionId),
          label: DISCORD_TEXTS.solutionButton,
        },
      ],
    });
  } else {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Success,
          custom_id: buttonId('next', view.questionId),
          label: DISCORD_TEXTS.nextButton,
        },
      ],
    });
  }
  const solution = outcome.solution
    ? solutionMessages({ title: view.title, parts: view.parts, ...outcome.solution })
    : [];
  return { embeds: [embed], components, solution };
}
