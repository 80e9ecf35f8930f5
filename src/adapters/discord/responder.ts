/**
 * Answers one interaction, within Discord's 3 s: the first message is a direct reply when the work is quick; if it
 * is not ready after `deferAfterMs`, the interaction is deferred and the answer edits the deferred reply. Later
 * messages are follow-ups. Every message is sent with mentions disabled.
 */
import {
  InteractionResponseType,
  MessageFlags,
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponent,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import type { Logger } from '../../logger.js';
import { errorFields } from './errors.js';
import { NO_MENTIONS } from './markdown.js';
import type { Transport } from './transport.js';

export interface OutMessage {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: readonly APIActionRowComponent<APIButtonComponent>[];
  /** Only the user who acted sees it. */
  readonly ephemeral: boolean;
}

type State = 'fresh' | 'deferring' | 'deferred' | 'answered';

export class Responder {
  private state: State = 'fresh';
  private deferredEphemeral = false;
  private deferring: Promise<void> | undefined;
  private deferError: Error | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly transport: Transport,
    private readonly logger: Logger,
    /** A modal submit cannot be answered with another modal. */
    private readonly isModalSubmit: boolean,
  ) {}

  /** True once anything (reply, defer, modal) reached Discord or is on its way. */
  get acknowledged(): boolean {
    return this.state !== 'fresh';
  }

  /** Defers the reply, with the given visibility, if nothing was sent within `ms`. */
  deferAfter(ms: number, ephemeral: boolean): void {
    this.cancelTimer();
    const defer = (): void => {
      if (this.state !== 'fresh') return;
      this.state = 'deferring';
      this.deferredEphemeral = ephemeral;
      this.deferring = this.transport
        .respond({
          type: InteractionResponseType.DeferredChannelMessageWithSource,
          data: ephemeral ? { flags: MessageFlags.Ephemeral } : {},
        })
        .then(
          () => {
            this.state = 'deferred';
          },
          (error: unknown) => {
            this.deferError = error instanceof Error ? error : new Error(String(error));
            this.state = 'answered';
          },
        );
    };
    if (ms <= 0) defer();
    else this.timer = setTimeout(defer, ms);
  }

  /** Opens a modal: only possible as the very first response (never after deferring). */
  async showModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
    this.cancelTimer();
    if (this.state !== 'fresh' || this.isModalSubmit) {
      throw new Error('a modal can only be the first response to a command or button');
    }
    this.state = 'answered';
    await this.transport.respond({ type: InteractionResponseType.Modal, data: modal });
  }

  /** Autocomplete choices: the only response an autocomplete interaction takes. */
  async choices(choices: readonly APIApplicationCommandOptionChoice[]): Promise<void> {
    this.cancelTimer();
    this.state = 'answered';
    await this.transport.respond({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [...choices] },
    });
  }

  /**
   * Sends a message; resolves with its id when `withId` is set and Discord returned it (the first reply of a
   * quick answer, or any edited / follow-up message).
   */
  async send(message: OutMessage, options: { withId?: boolean } = {}): Promise<string | undefined> {
    this.cancelTimer();
    if (this.deferring) await this.deferring;
    if (this.deferError !== undefined) {
      const error = this.deferError;
      this.deferError = undefined;
      throw error;
    }
    const body = {
      ...(message.content !== undefined ? { content: message.content } : {}),
      embeds: [...(message.embeds ?? [])],
      components: [...(message.components ?? [])],
      allowed_mentions: NO_MENTIONS,
    };
    const flagged = message.ephemeral ? { ...body, flags: MessageFlags.Ephemeral } : body;
    switch (this.state) {
      case 'fresh': {
        this.state = 'answered';
        return this.transport.respond(
          { type: InteractionResponseType.ChannelMessageWithSource, data: flagged },
          { withMessageId: options.withId === true },
        );
      }
      case 'deferred': {
        this.state = 'answered';
        if (this.deferredEphemeral === message.ephemeral) return this.transport.editOriginal(body);
        // The deferred "thinking..." has the wrong visibility: replace it by a follow-up.
        await this.transport.deleteOriginal().catch((error: unknown) => {
          this.logger.warn('discord: could not delete a deferred reply', errorFields(error));
        });
        return this.transport.followUp(flagged);
      }
      case 'deferring':
      case 'answered':
        return this.transport.followUp(flagged);
    }
  }

  /** Stops a pending defer (the interaction is being answered or abandoned). */
  cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
