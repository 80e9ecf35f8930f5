/**
 * Coalesced feedback for busy groups. Telegram lets a bot post about 20 messages a minute into one group, so 30
 * students answering one question cannot each get a reply in time. Once a group is busy (`isBusy`: the pacer has
 * seen `busyAfter` messages into it within its window), each answer's result becomes a line on one board message
 * per question, replying to the question and edited in place at most once per `intervalMs`. Everyone sees their
 * own line (name, what they typed, right or wrong, the slip, tries left), and the group sees who is done.
 * `post` resolves once a board showing the student's line has been sent, so the webhook's 200 still means
 * "answered". Boards are per process: with several instances behind a load balancer a busy group may get one
 * board per instance.
 */
import { GrammyError, type Api } from 'grammy';
import { abortablePause } from './abortable-pause.js';
import { boardHtml } from './feedback-board-html.js';
import type { OutboundPacer } from './outbound-pacer.js';

/** The board moves on to a new message before the text nears Telegram's 4096-character limit. */
const MAX_BOARD_CHARS = 3500;

export interface FeedbackBoardOptions {
  readonly api: Api;
  readonly pacer: OutboundPacer;
  /** A group is busy once this many messages went into it within its pacing window (default 4). */
  readonly busyAfter: number;
  /** Edits of one board are at least this far apart (default 5 s: at most 12 a minute). */
  readonly intervalMs: number;
  readonly shutdown: AbortSignal;
}

export interface BoardPost {
  readonly chatId: number;
  readonly threadId?: number;
  readonly questionId: string;
  /** The question message the board replies to. */
  readonly replyTo?: number;
  readonly studentKey: string;
  readonly lineHtml: string;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

interface Board {
  readonly chatId: number;
  readonly threadId: number | undefined;
  readonly replyTo: number | undefined;
  messageId: number | undefined;
  lines: Map<string, string>;
  waiters: Waiter[];
  flushing: boolean;
  lastFlushAt: number;
}

export class FeedbackBoards {
  private readonly boards = new Map<string, Board>();

  constructor(private readonly options: FeedbackBoardOptions) {}

  isBusy(chatId: number): boolean {
    return this.options.pacer.recentSends(chatId) >= this.options.busyAfter;
  }

  /** Whether this question already has a board here (later answers join it, busy or not). */
  has(chatId: number, questionId: string): boolean {
    return this.boards.has(`${chatId}:${questionId}`);
  }

  post(post: BoardPost): Promise<void> {
    const key = `${post.chatId}:${post.questionId}`;
    let board = this.boards.get(key);
    if (!board) {
      board = {
        chatId: post.chatId,
        threadId: post.threadId,
        replyTo: post.replyTo,
        messageId: undefined,
        lines: new Map(),
        waiters: [],
        flushing: false,
        lastFlushAt: 0,
      };
      this.boards.set(key, board);
      if (this.boards.size > 1000) this.forgetOldest();
    }
    board.lines.set(post.studentKey, post.lineHtml);
    const shown = new Promise<void>((resolve, reject) => board.waiters.push({ resolve, reject }));
    if (!board.flushing) void this.flush(board);
    return shown;
  }

  private async flush(board: Board): Promise<void> {
    board.flushing = true;
    try {
      while (board.waiters.length > 0 && !this.options.shutdown.aborted) {
        const wait = board.lastFlushAt + this.options.intervalMs - Date.now();
        await abortablePause(wait, this.options.shutdown);
        const waiters = board.waiters.splice(0);
        board.lastFlushAt = Date.now();
        try {
          await this.show(board);
          for (const w of waiters) w.resolve();
        } catch (error) {
          for (const w of waiters) w.reject(error);
        }
      }
      for (const w of board.waiters.splice(0)) w.reject(new Error('the adapter is stopping'));
    } finally {
      board.flushing = false;
    }
  }

  private async show(board: Board): Promise<void> {
    let html = boardHtml([...board.lines.values()]);
    if (board.messageId !== undefined && html.length > MAX_BOARD_CHARS) {
      // The full board stays as it is; a new one continues with the latest lines.
      const latest = [...board.lines].slice(-5);
      board.lines = new Map(latest);
      board.messageId = undefined;
      html = boardHtml(latest.map(([, line]) => line));
    }
    if (board.messageId === undefined) {
      const sent = await this.options.api.sendMessage(board.chatId, html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(board.threadId === undefined ? {} : { message_thread_id: board.threadId }),
        ...(board.replyTo === undefined
          ? {}
          : { reply_parameters: { message_id: board.replyTo, allow_sending_without_reply: true } }),
      });
      board.messageId = sent.message_id;
      return;
    }
    try {
      await this.options.api.editMessageText(board.chatId, board.messageId, html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      });
    } catch (error) {
      // A repeated identical answer leaves the board as it was: that is still shown.
      if (error instanceof GrammyError && error.description.includes('message is not modified')) return;
      throw error;
    }
  }

  private forgetOldest(): void {
    for (const [key, board] of this.boards) {
      if (!board.flushing) {
        this.boards.delete(key);
        return;
      }
    }
  }
}
