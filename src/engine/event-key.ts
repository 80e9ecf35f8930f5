import type { Platform } from './api.js';

export type EventUse = 'quiz' | 'next' | 'answer' | 'hint' | 'reset';

/**
 * The store key of a platform event, qualified by platform and use case so that ids from different platforms
 * (or one event id reused by two use cases) never collide: 'telegram:answer:123456'.
 */
export function eventKey(platform: Platform, use: EventUse, eventId: string): string {
  return `${platform}:${use}:${eventId}`;
}
