/** The adapter's reply to an event was sent: a later redelivery of the event is then answered with silence. */
import type { Actor, EventRef } from './api.js';
import type { EngineDeps } from './deps.js';
import { eventKey } from './event-key.js';

export async function markDelivered(
  deps: EngineDeps,
  input: { actor: Actor; event: EventRef; use?: 'answer' | 'hint' },
): Promise<void> {
  await deps.store.markEventDelivered({
    eventKey: eventKey(input.actor.platform, input.use ?? 'answer', input.event.eventId),
    at: deps.clock(),
  });
}
