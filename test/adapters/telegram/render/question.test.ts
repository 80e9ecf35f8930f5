import { describe, expect, it } from 'vitest';
import { questionHtml } from '../../../../src/adapters/telegram/render/question.js';
import { parseTelegramHtml } from '../support/telegram-html.js';
import { multiPartQuestion, singlePartQuestion } from '../support/views.js';

function plain(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(parsed.description);
  return parsed.text;
}

describe('questionHtml', () => {
  it('is valid Telegram HTML with the title escaped', () => {
    const html = questionHtml(multiPartQuestion, { inGroup: false });
    expect(html).toContain('<b>MLP forward pass &lt;tanh &amp; sigmoid&gt;</b> ★★☆');
    expect(plain(html)).toContain('MLP forward pass <tanh & sigmoid>');
  });

  it('shows a matrix as aligned rows in a <pre> block and vectors inline in <code>', () => {
    const html = questionHtml(multiPartQuestion, { inGroup: false });
    // Columns right-aligned: widest cells are "10" and "-2.5".
    expect(html).toContain('W =\n<pre>[ 0.1  -2.5 ]\n[  10  0.25 ]</pre>');
    expect(html).toContain('x = <code>[1, -1]</code>');
    expect(html).toContain('b = <code>0.5</code>');
  });

  it('lists each part with its id and the expected form, and explains multi-part answers', () => {
    const text = plain(questionHtml(multiPartQuestion, { inGroup: false }));
    expect(text).toContain('a) What is u = Wx + b? (a vector like [1, 2, 3])');
    expect(text).toContain('b) What is y = σ(u₁)? (a number)');
    // The example uses this question's own part names.
    expect(text).toContain('several at once: a) … b) …');
    expect(text).toContain('3 tries per part');
  });

  it('tells group members to reply to the question, private users to just send the answer', () => {
    expect(plain(questionHtml(multiPartQuestion, { inGroup: true }))).toContain(
      'Reply to the question message',
    );
    const priv = plain(questionHtml(singlePartQuestion, { inGroup: false }));
    expect(priv).toContain('Send your answer as a message');
    expect(priv).not.toContain('several at once');
    expect(priv).not.toContain('a) Output width');
  });
});
