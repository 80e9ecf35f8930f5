/** `studybot paper [--json]`: every numeric question of the 2023/24 Semester 1 paper, worked and compared. */
import { PAPER_QUESTIONS } from '../../../core/paper/index.js';
import type { PaperQuestion } from '../../../core/paper/types.js';
import { expectPositionals, parseArgs } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import type { Comparison } from '../paper-compare.js';
import { type PaperReport, workPaper } from '../paper-report.js';
import { questionJson, renderQuestion } from '../render-question.js';

const MARK: Readonly<Record<Comparison['status'], string>> = {
  agrees: 'ok',
  'agrees-coarsely': 'ok',
  differs: '!!',
  'not-compared': '--',
  'unknown-part': '??',
};

function renderComparison(c: Comparison): string {
  const printed = c.printedValue ?? c.printedText;
  const head = `  [${MARK[c.status]}] ${c.partId}) ${c.label}`;
  if (c.status === 'agrees' || c.status === 'agrees-coarsely') {
    return `${head}: printed ${printed}, computed ${c.computed ?? ''}: ${c.detail}`;
  }
  if (c.status === 'not-compared') return `${head}: printed ${c.printedText} (${c.detail})`;
  return `${head}: ${c.detail}`;
}

function renderReport(report: PaperReport): string {
  const out = [
    '2023/24 Semester 1 paper: the numeric questions, worked with the paper’s own parameters.',
    'Each printed answer of the seed file of student solutions (which contains mistakes) is compared with the',
    'computed one by the grading rule: it agrees when it correctly rounds the exact value at the printed precision.',
  ];
  for (const e of report.entries) {
    out.push('', `======== ${e.ref} ========`);
    if (!e.ok) {
      out.push(`Could not work ${e.ref} (topic ${e.topicId}): ${e.error}`);
      continue;
    }
    out.push(renderQuestion(e.question, { paperRef: e.ref }).trimEnd());
    if (e.note !== undefined) out.push('', `Note: ${e.note}`);
    if (e.comparisons.length > 0) {
      out.push('', 'Printed solution vs computed:', ...e.comparisons.map(renderComparison));
    }
  }
  const c = report.counts;
  const compared = c.agrees + c['agrees-coarsely'] + c.differs;
  out.push(
    '',
    '======== Summary ========',
    `${report.entries.length} questions worked${report.failed > 0 ? `, ${report.failed} could not be worked` : ''}.`,
    `${compared} printed answers compared: ${c.agrees + c['agrees-coarsely']} agree` +
      `${c['agrees-coarsely'] > 0 ? ` (${c['agrees-coarsely']} printed more coarsely than the grader accepts)` : ''}, ` +
      `${c.differs} differ${c.differs > 0 ? `: ${report.differing.join('; ')}` : ''}.`,
    `${c['not-compared']} printed answers are symbolic or not comparable.` +
      (c['unknown-part'] > 0 ? ` ${c['unknown-part']} name a part the topic does not have.` : ''),
  );
  return `${out.join('\n')}\n`;
}

function reportJson(report: PaperReport): unknown {
  return {
    questions: report.entries.map((e) =>
      e.ok
        ? {
            ref: e.ref,
            ...(e.note === undefined ? {} : { note: e.note }),
            ...(questionJson(e.question, null) as object),
            comparisons: e.comparisons,
          }
        : { ref: e.ref, topic: e.topicId, error: e.error },
    ),
    summary: { counts: report.counts, differing: report.differing, failed: report.failed },
  };
}

export function paperCommand(
  argv: readonly string[],
  io: CliIo,
  questions: readonly PaperQuestion[] = PAPER_QUESTIONS,
): number {
  const args = parseArgs(argv, { booleans: ['json'] }, 'paper');
  expectPositionals(args, [], 'paper');
  const report = workPaper(questions);
  io.stdout(
    args.booleans.has('json') ? `${JSON.stringify(reportJson(report), null, 2)}\n` : renderReport(report),
  );
  if (report.failed > 0) {
    io.stderr(`studybot: ${report.failed} paper question(s) could not be worked; see the report.\n`);
    return EXIT.internal;
  }
  return EXIT.ok;
}
