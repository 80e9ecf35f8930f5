-- One table for every platform event (pruned after the redelivery window), keyed by the event key alone;
-- questions no longer keep their creating event key (events.question_id points back instead).
-- Scores carry the student's opt-out (hidden) so that leaderboards read one index range per scope, and
-- score_counts counts the visible rows per points value (ranks sum buckets instead of counting students).
-- CreateTable
CREATE TABLE "events" (
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT,
    "delivered_at" TIMESTAMP(3),
    "question_id" INTEGER,

    CONSTRAINT "events_pkey" PRIMARY KEY ("key")
);

-- Keep the events still inside any redelivery window: every processed event and each question's event.
INSERT INTO "events" ("key", "created_at") SELECT "key", "created_at" FROM "processed_events" ON CONFLICT DO NOTHING;
INSERT INTO "events" ("key", "created_at", "question_id") SELECT "event_key", "created_at", "id" FROM "questions" ON CONFLICT DO NOTHING;

-- DropTable
DROP TABLE "processed_events";

-- DropIndex
DROP INDEX "questions_event_key_key";

-- AlterTable
ALTER TABLE "questions" DROP COLUMN "event_key";

-- DropIndex
DROP INDEX "users_opt_out_idx";

-- AlterTable
ALTER TABLE "scores" ADD COLUMN "hidden" BOOLEAN NOT NULL DEFAULT false;
UPDATE "scores" SET "hidden" = TRUE FROM "users" WHERE "users"."id" = "scores"."user_id" AND "users"."opt_out";

-- DropIndex
DROP INDEX "scores_scope_id_period_points_solved_user_id_idx";

-- CreateIndex
CREATE INDEX "scores_scope_id_period_hidden_points_solved_user_id_idx" ON "scores"("scope_id", "period", "hidden", "points" DESC, "solved" DESC, "user_id");

-- CreateIndex
CREATE INDEX "events_created_at_idx" ON "events"("created_at");

-- CreateTable
CREATE TABLE "score_counts" (
    "scope_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "score_counts_pkey" PRIMARY KEY ("scope_id","period","points")
);
INSERT INTO "score_counts" ("scope_id", "period", "points", "n")
  SELECT "scope_id", "period", "points", COUNT(*) FROM "scores" WHERE NOT "hidden" GROUP BY "scope_id", "period", "points";
