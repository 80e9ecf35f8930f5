/**
 * The part of Prisma Client the store uses, spelled out: both generated clients (SQLite and PostgreSQL) and their
 * transaction clients satisfy it as they are. (The two generated `PrismaClient` types are not assignable to each
 * other, because their generic signatures come from two generated modules; these plain signatures are.)
 */
import type {
  Event,
  Prisma,
  Question,
  Scope,
  TopicProgress,
  UserQuestion,
} from '../../generated/sqlite/client.js';

export interface DbClient {
  readonly scope: {
    upsert(args: {
      where: { platform_platformScopeId: { platform: string; platformScopeId: string } };
      create: { platform: string; platformScopeId: string; kind: string; title: string | null };
      update: { kind: string; title?: string };
    }): PromiseLike<Scope>;
  };
  readonly question: {
    create(args: {
      data: {
        scopeId: number;
        channelId: string;
        topicId: string;
        seed: number;
        createdByUserId: number;
        createdAt: Date;
      };
    }): PromiseLike<Question>;
    findUnique(args: { where: { id: number } }): PromiseLike<Question | null>;
    findFirst(args: {
      where: { scopeId: number; channelId?: string; messageId?: string };
      orderBy: { createdAt?: 'desc'; id?: 'desc' }[];
    }): PromiseLike<Question | null>;
    update(args: { where: { id: number }; data: { messageId: string } }): PromiseLike<unknown>;
    updateMany(args: {
      where: { id: number; revealedAt: null };
      data: { revealedAt: Date };
    }): PromiseLike<unknown>;
  };
  readonly event: {
    create(args: { data: { key: string; createdAt: Date; questionId?: number } }): PromiseLike<unknown>;
    findUnique(args: { where: { key: string } }): PromiseLike<Event | null>;
    findMany(args: {
      where: { createdAt: { lt: Date } };
      select: { key: true };
      take: number;
    }): PromiseLike<{ key: string }[]>;
    deleteMany(args: { where: { key: { in: string[] } } }): PromiseLike<{ count: number }>;
  };
  readonly userQuestion: {
    findUnique(args: {
      where: { questionId_userId: { questionId: number; userId: number } };
    }): PromiseLike<UserQuestion | null>;
  };
  readonly topicProgress: {
    findMany(args: { where: { userId: number }; orderBy: { topicId: 'asc' } }): PromiseLike<TopicProgress[]>;
  };
  readonly score: {
    aggregate(args: {
      where: { userId: number; period: string };
      _sum: { points: true };
    }): PromiseLike<{ _sum: { points: number | null } }>;
    deleteMany(args: { where: { scopeId: number } }): PromiseLike<unknown>;
  };
  readonly scoreCount: {
    deleteMany(args: { where: { scopeId: number } }): PromiseLike<unknown>;
  };
  readonly user: {
    update(args: { where: { id: number }; data: { timeZone: string } }): PromiseLike<unknown>;
  };
  $queryRaw(query: Prisma.Sql): PromiseLike<unknown>;
  $executeRaw(query: Prisma.Sql): PromiseLike<number>;
}

/** Prisma Client as the store uses it: the model API, and interactive transactions. */
export interface Db {
  readonly client: DbClient;
  transaction<T>(work: (tx: DbClient) => Promise<T>): Promise<T>;
  disconnect(): Promise<void>;
}
