import { ButtonStyle, ComponentType, TextInputStyle } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { parseCustomId, parsePartFieldId } from '../../../../src/adapters/discord/custom-ids.js';
import { answerModal } from '../../../../src/adapters/discord/render/answer-modal.js';
import { partPages, questionMessage } from '../../../../src/adapters/discord/render/question.js';
import { questionView } from '../fixtures.js';

describe('question message', () => {
  it('shows the question text escaped and matrices in code blocks', () => {
    const { embeds } = questionMessage(questionView());
    const d = embeds[0]!.description!;
    expect(d).toContain('W\\_1 x + b');
    // formatMatrix right-aligns columns: widths 3 ("0.5") and 5 ("-1.25").
    expect(d).toContain('**W** =\n```\n[ 0.5  -1.25 ]\n[   2  0.125 ]\n```');
    expect(d).toContain('**x** = `[1, -2]`');
    expect(d).toContain('**b** = `0.1`');
    expect(d).toContain('**a)** Give part a to 4 decimal places.');
    expect(embeds[0]!.footer!.text).toContain('seed 7');
    expect(embeds[0]!.title).toContain('Dense layer forward pass');
  });

  it('has Answer, Hint, Solution and New question buttons carrying the question id', () => {
    const { components } = questionMessage(questionView());
    expect(components).toHaveLength(1);
    const buttons = components[0]!.components;
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual([
      'Answer',
      'Hint',
      'Solution',
      'New question',
    ]);
    expect(buttons.map((b) => ('custom_id' in b ? parseCustomId(b.custom_id) : undefined))).toEqual([
      { kind: 'button', action: 'answer', questionId: '42', page: 0 },
      { kind: 'button', action: 'hint', questionId: '42', page: 0 },
      { kind: 'button', action: 'solution', questionId: '42', page: 0 },
      { kind: 'button', action: 'next', questionId: '42', page: 0 },
    ]);
    expect(buttons[0]!.style).toBe(ButtonStyle.Primary);
  });

  it('offers one answer button per 5 parts for big questions', () => {
    expect(partPages(9)).toEqual([
      { page: 0, from: 1, to: 5 },
      { page: 1, from: 6, to: 9 },
    ]);
    const nine = questionMessage(questionView({ partCount: 9 })).components;
    expect(nine).toHaveLength(1);
    expect(nine[0]!.components.slice(0, 2).map((b) => ('label' in b ? b.label : ''))).toEqual([
      'Answer parts 1-5',
      'Answer parts 6-9',
    ]);
    const twelve = questionMessage(questionView({ partCount: 12 })).components;
    expect(twelve.map((r) => r.components.length)).toEqual([3, 3]);
    for (const row of twelve) expect(row.type).toBe(ComponentType.ActionRow);
  });
});

describe('answer modal', () => {
  const fields = (m: NonNullable<ReturnType<typeof answerModal>>) =>
    m.components.map((c) => {
      if (c.type !== ComponentType.Label || c.component.type !== ComponentType.TextInput)
        throw new Error('not a label');
      return {
        label: c.label,
        part: parsePartFieldId(c.component.custom_id),
        style: c.component.style,
        required: c.component.required,
      };
    });

  it('has one text input per part, at most five, split by page', () => {
    const view = questionView({ partCount: 9 });
    const first = answerModal(view, 0)!;
    const second = answerModal(view, 1)!;
    expect(fields(first).map((f) => f.part)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fields(second).map((f) => f.part)).toEqual(['f', 'g', 'h', 'i']);
    expect(parseCustomId(second.custom_id)).toEqual({ kind: 'modal', questionId: '42', page: 1 });
    expect(answerModal(view, 2)).toBeUndefined();
  });

  it('offers only the parts still open for this student', () => {
    const view = questionView({ partCount: 9 });
    const m = answerModal(view, 0, new Set(['b', 'g']))!;
    expect(fields(m)).toEqual([
      { label: 'b) value 2', part: 'b', style: TextInputStyle.Paragraph, required: true },
    ]);
    expect(answerModal(view, 0, new Set(['g']))).toBeUndefined();
  });

  it('makes fields optional when several parts share a modal', () => {
    expect(fields(answerModal(questionView(), 0)!).map((f) => f.required)).toEqual([false, false]);
  });

  it('keeps titles and labels within Discord’s limits', () => {
    const view = questionView({
      title: 'A very long topic title that goes on and on beyond forty-five characters',
      parts: [{ id: 'a', letter: 'a', name: 'x'.repeat(80), kind: 'number' }],
    });
    const m = answerModal(view, 0)!;
    expect(m.title.length).toBeLessThanOrEqual(45);
    expect(fields(m)[0]!.label.length).toBeLessThanOrEqual(45);
  });
});
