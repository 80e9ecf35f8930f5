/**
 * The answer modal: one text input per open part of one page (a modal holds at most 5 inputs). Labels are the part
 * labels; the prompt goes in the description, an example of the expected syntax in the placeholder.
 */
import {
  ComponentType,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import { MAX_ANSWER_LENGTH } from '../../../core/answers/index.js';
import type { QuestionView } from '../../../engine/api.js';
import { modalId, partFieldId } from '../custom-ids.js';
import { partTitle } from '../../shared/texts.js';
import { DISCORD_TEXTS } from '../texts.js';
import { cut, LIMITS } from './limits.js';
import { partPages, PARTS_PER_MODAL } from './question.js';

/** Longest answer a modal field accepts: the checker's limit (Discord enforces it in the client; the engine re-checks). */
export const ANSWER_MAX_LENGTH = MAX_ANSWER_LENGTH;

/**
 * The modal for one page of parts, or undefined when none of that page's parts is open for this student.
 * `open` lists the part ids still open (undefined: all).
 */
export function answerModal(
  view: QuestionView,
  page: number,
  open?: ReadonlySet<string>,
): APIModalInteractionResponseCallbackData | undefined {
  const pages = partPages(view.parts.length);
  const range = pages[page];
  if (!range) return undefined;
  const prompts = new Map(view.question.parts.map((p) => [p.id, p.prompt]));
  const parts = view.parts
    .slice(range.from - 1, range.to)
    .filter((p) => open === undefined || open.has(p.id))
    .slice(0, PARTS_PER_MODAL);
  if (parts.length === 0) return undefined;
  const components: APILabelComponent[] = parts.map((p) => {
    const prompt = prompts.get(p.id);
    return {
      type: ComponentType.Label,
      label: cut(partTitle(p), LIMITS.labelText),
      ...(prompt ? { description: cut(prompt, LIMITS.labelDescription) } : {}),
      component: {
        type: ComponentType.TextInput,
        custom_id: partFieldId(p.id),
        style: p.kind === 'matrix' || p.kind === 'vector' ? TextInputStyle.Paragraph : TextInputStyle.Short,
        // With several parts a student may answer some now and the rest later.
        required: parts.length === 1,
        max_length: ANSWER_MAX_LENGTH,
        placeholder: cut(DISCORD_TEXTS.placeholders[p.kind], LIMITS.placeholder),
      },
    };
  });
  return {
    custom_id: modalId(view.questionId, page),
    title: cut(
      DISCORD_TEXTS.modalTitle(view.title, range.from, range.to, view.parts.length),
      LIMITS.modalTitle,
    ),
    components,
  };
}
