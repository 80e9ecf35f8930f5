/**
 * The same question's answers read the same everywhere: Discord, Telegram, the terminal and the CLI display every
 * expected value through the one formatter, under the same "a) name" heading. The test strips each platform's
 * markup and compares the (heading, value) pairs.
 */
import { describe, expect, it } from 'vitest';
import { renderSolution as cliSolution } from '../../../src/adapters/cli/render-question.js';
import { renderAnswers } from '../../../src/adapters/console/render.js';
import { PLAIN } from '../../../src/adapters/console/style.js';
import { answersBlock } from '../../../src/adapters/discord/render/steps.js';
import { answersHtml } from '../../../src/adapters/telegram/render/steps.js';
import { roundedRouteAnswers } from '../../../src/core/answers/index.js';
import { buildQuestion, findTopic } from '../../../src/core/topics/index.js';
import { questionView } from '../../../src/engine/question-source.js';
import { parseTelegramHtml } from '../telegram/support/telegram-html.js';

/** "a) name: value" lines (values on one line: matrix rows joined with " | "). */
function pairs(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // The heading runs to the last ": " (names may hold a colon: "separable : original FLOPs").
    const m = /^\s*(?:• )?([a-z]\).*):(?: (.*))?$/.exec(lines[i] ?? '');
    if (!m) continue;
    let value = (m[2] ?? '').trim();
    // A matrix continues on the following lines ([ ... ] rows), possibly inside a code fence.
    while (value === '' || value === '```' || /^\[ .* \]$/.test(lines[i + 1]?.trim() ?? '')) {
      const next = lines[i + 1]?.trim();
      if (next === undefined || (!/^\[ .* \]$/.test(next) && next !== '```')) break;
      i++;
      if (next !== '```') value = value === '' || value === '```' ? next : `${value} | ${next}`;
    }
    out.push(`${m[1]?.trim() ?? ''}: ${value.replace(/^`|`$/g, '').replace(/^```$/, '')}`);
  }
  return out;
}

const SAMPLES: readonly [string, number][] = [
  ['mlp-forward', 3],
  ['backprop-weights', 11],
  ['conv-params', 5],
  ['depthwise-separable', 2],
  ['tensor-shapes', 8],
  ['concepts-all', 4],
];

describe('one display of expected answers on every platform', () => {
  it.each(SAMPLES)('%s seed %i', (topicId, seed) => {
    const topic = findTopic(topicId);
    if (!topic) throw new Error(topicId);
    const q = buildQuestion(topic, seed);
    const view = questionView('1', q);
    const solution = { answers: q.parts, roundedRoute: roundedRouteAnswers(q) };

    const discord = pairs(answersBlock(solution, view.parts).replace(/\\(.)/g, '$1').replace(/\*/g, ''));
    const parsed = parseTelegramHtml(answersHtml(view, solution));
    if (!parsed.ok) throw new Error(parsed.description);
    const telegram = pairs(parsed.text);
    const terminal = pairs(renderAnswers(solution, view.parts, PLAIN));
    const cli = pairs(
      cliSolution(q)
        .split('\n')
        .map((l) => l.replace(/ \((?:to \d+ dp|exact)\)(?=:)/, ''))
        .join('\n'),
    );

    expect(terminal.length).toBeGreaterThanOrEqual(q.parts.length);
    expect(telegram).toEqual(terminal);
    expect(discord).toEqual(terminal);
    expect(cli).toEqual(terminal);
  });
});
