/**
 * How long the process that recorded a platform event has to deliver its reply before a redelivery of the same
 * event is answered again. Two instances receiving one update at once must not both reply; a process that crashed
 * between the commit and the send must not leave the student in silence.
 */
export const REPLY_LEASE_MS = 10_000;

/** A question created by an earlier delivery of this event: post it again only if it was never shown. */
export function alreadyPosted(
  record: { readonly messageId: string | null; readonly createdAt: Date },
  now: Date,
): boolean {
  return record.messageId !== null || now.getTime() - record.createdAt.getTime() < REPLY_LEASE_MS;
}
