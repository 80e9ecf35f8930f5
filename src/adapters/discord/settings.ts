/**
 * What an operator configures for the Discord adapter. src/config.ts fills it from the environment (only the entry
 * points read config); the adapter is handed the values.
 */
export interface DiscordInteractionsConfig {
  /** The application's Ed25519 public key (Developer Portal > General Information), 64 hex characters. */
  readonly publicKey: string;
  /** Local port and address of the interactions endpoint (DISCORD_INTERACTIONS_PORT / _HOST). */
  readonly port: number;
  readonly host: string;
  /** The path Discord posts to: the path of the Interactions Endpoint URL set in the Developer Portal. */
  readonly path: string;
}

export interface DiscordConfig {
  readonly token: string;
  /** Application (client) id: needed by `npm run deploy-commands`; discord.js learns it at login otherwise. */
  readonly applicationId?: string;
  /** Development guild: `deploy-commands` registers there (instant) instead of globally. */
  readonly guildId?: string;
  /** REST API base for tests against a fake Discord (e.g. http://127.0.0.1:3000/api); unset in production. */
  readonly apiBase?: string;
  /** HTTP interactions mode (scale-out) instead of the gateway: present when DISCORD_PUBLIC_KEY is set. */
  readonly interactions?: DiscordInteractionsConfig;
}
