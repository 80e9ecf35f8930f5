/**
 * The health verdict behind GET /healthz: healthy when the database answers a trivial query within `timeoutMs`
 * and every started platform is connected (Discord's gateway ready or its endpoint listening, Telegram polling or
 * its webhook listening). A small JSON body says which part is down.
 */
import type { Store } from '../engine/ports/store.js';

export interface PlatformStatus {
  readonly name: string;
  connected(): boolean;
}

export interface Health {
  readonly ok: boolean;
  readonly database: 'ok' | 'unreachable';
  readonly platforms: Readonly<Record<string, 'connected' | 'disconnected'>>;
}

export async function checkHealth(input: {
  readonly store: Pick<Store, 'ping'>;
  readonly platforms: readonly PlatformStatus[];
  readonly timeoutMs?: number;
}): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), input.timeoutMs ?? 2000);
  });
  const reachable = await Promise.race([
    input.store.ping().then(
      () => true,
      () => false,
    ),
    timeout,
  ]);
  clearTimeout(timer);
  const platforms: Record<string, 'connected' | 'disconnected'> = {};
  for (const p of input.platforms) platforms[p.name] = p.connected() ? 'connected' : 'disconnected';
  const allConnected = Object.values(platforms).every((s) => s === 'connected');
  return { ok: reachable && allConnected, database: reachable ? 'ok' : 'unreachable', platforms };
}
