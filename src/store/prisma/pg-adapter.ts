/**
 * Prisma's pg driver adapter, remembering the adapter it handed to Prisma Client (`connection`): the store's hot
 * path sends its raw statements to that same adapter (and pool) directly, skipping Prisma Client's per-call
 * overhead (see adapter-runner.ts).
 */
import { PrismaPg } from '@prisma/adapter-pg';

export type PgDriverAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

export class ConnectedPgAdapterFactory extends PrismaPg {
  #connection: PgDriverAdapter | undefined;

  override async connect(): Promise<PgDriverAdapter> {
    this.#connection = await super.connect();
    return this.#connection;
  }

  /** The adapter of the latest connect() (what Prisma Client runs on); throws before the first one. */
  get connection(): PgDriverAdapter {
    if (!this.#connection)
      throw new Error('the PostgreSQL adapter is not connected yet (call $connect() first)');
    return this.#connection;
  }
}
