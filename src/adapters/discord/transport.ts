/**
 * Answering one interaction through Discord's REST API, the same calls whatever the interaction came through:
 * the first response goes to the interaction callback endpoint (reply, defer, modal, autocomplete choices),
 * everything after to the interaction webhook (edit the original, follow-ups). Interaction endpoints take the
 * interaction token, not the bot token (`auth: false`).
 */
import {
  Routes,
  type APIInteractionResponse,
  type REST,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord.js';

export interface Transport {
  /** The first response. Resolves with the id of the message it created when `withMessageId` is set. */
  respond(
    response: APIInteractionResponse,
    options?: { withMessageId?: boolean },
  ): Promise<string | undefined>;
  editOriginal(body: RESTPatchAPIWebhookWithTokenMessageJSONBody): Promise<string | undefined>;
  deleteOriginal(): Promise<void>;
  followUp(body: RESTPostAPIWebhookWithTokenJSONBody): Promise<string | undefined>;
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id: unknown = Reflect.get(value, 'id');
  return typeof id === 'string' ? id : undefined;
}

/** `resource.message.id` of a callback answered `?with_response=true`. */
function createdMessageId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const resource: unknown = Reflect.get(value, 'resource');
  if (typeof resource !== 'object' || resource === null) return undefined;
  return idOf(Reflect.get(resource, 'message'));
}

export function restTransport(
  rest: REST,
  interaction: { readonly id: string; readonly token: string; readonly applicationId: string },
): Transport {
  const original = Routes.webhookMessage(interaction.applicationId, interaction.token, '@original');
  return {
    async respond(response, options = {}) {
      const withResponse = options.withMessageId === true;
      const result = await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: response,
        auth: false,
        query: new URLSearchParams({ with_response: String(withResponse) }),
      });
      return withResponse ? createdMessageId(result) : undefined;
    },
    async editOriginal(body) {
      return idOf(await rest.patch(original, { body, auth: false }));
    },
    async deleteOriginal() {
      await rest.delete(original, { auth: false });
    },
    async followUp(body) {
      return idOf(
        await rest.post(Routes.webhook(interaction.applicationId, interaction.token), {
          body,
          auth: false,
          query: new URLSearchParams({ wait: 'true' }),
        }),
      );
    },
  };
}
