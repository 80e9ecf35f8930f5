-- One table for every platform event (pruned after the redelivery window), keyed by the event key alone;
-- questions no longer keep their creating event key (events.question_id points back instead).
-- Scores carry the student's opt-out (hidden) so that leaderboards read one index range per scope, and
-- score_counts counts the visible rows per points value (ranks sum buckets instead of counting students).
-- DropIndex
DROP INDEX "users_opt_out_idx";

-- CreateTable
CREATE TABLE "events" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "created_at" DATETIME NOT NULL,
    "outcome" TEXT,
    "delivered_at" DATETIME,
    "question_id" INTEGER
);

-- Keep the events still inside any redelivery window: every processed event and each question's event.
INSERT OR IGNORE INTO "events" ("key", "created_at") SELECT "key", "created_at" FROM "processed_events";
INSERT OR IGNORE INTO "events" ("key", "created_at", "question_id") SELECT "event_key", "created_at", "id" FROM "questions";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "processed_events";
PRAGMA foreign_keys=on;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_questions" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scope_id" INTEGER NOT NULL,
    "channel_id" TEXT NOT NULL,
    "topic_id" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "created_by_user_id" INTEGER NOT NULL,
    "created_at" DATETIME NOT NULL,
    "message_id" TEXT,
    "revealed_at" DATETIME,
    CONSTRAINT "questions_scope_id_fkey" FOREIGN KEY ("scope_id") REFERENCES "scopes" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "questions_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_questions" ("channel_id", "created_at", "created_by_user_id", "id", "message_id", "revealed_at", "scope_id", "seed", "topic_id") SELECT "channel_id", "created_at", "created_by_user_id", "id", "message_id", "revealed_at", "scope_id", "seed", "topic_id" FROM "questions";
DROP TABLE "questions";
ALTER TABLE "new_questions" RENAME TO "questions";
CREATE INDEX "questions_scope_id_channel_id_created_at_id_idx" ON "questions"("scope_id", "channel_id", "created_at" DESC, "id" DESC);
CREATE INDEX "questions_scope_id_message_id_idx" ON "questions"("scope_id", "message_id");
CREATE TABLE "new_scores" (
    "scope_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "points" REAL NOT NULL DEFAULT 0,
    "solved" INTEGER NOT NULL DEFAULT 0,
    "hidden" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("scope_id", "period", "user_id"),
    CONSTRAINT "scores_scope_id_fkey" FOREIGN KEY ("scope_id") REFERENCES "scopes" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "scores_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_scores" ("period", "points", "scope_id", "solved", "user_id", "hidden") SELECT "period", "points", "scope_id", "solved", "user_id", (SELECT "opt_out" FROM "users" WHERE "users"."id" = "scores"."user_id") FROM "scores";
DROP TABLE "scores";
ALTER TABLE "new_scores" RENAME TO "scores";
CREATE INDEX "scores_scope_id_period_hidden_points_solved_user_id_idx" ON "scores"("scope_id", "period", "hidden", "points" DESC, "solved" DESC, "user_id");
CREATE INDEX "scores_user_id_period_idx" ON "scores"("user_id", "period");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "events_created_at_idx" ON "events"("created_at");


-- CreateTable
CREATE TABLE "score_counts" (
    "scope_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "points" REAL NOT NULL,
    "n" INTEGER NOT NULL,

    PRIMARY KEY ("scope_id", "period", "points")
);
INSERT INTO "score_counts" ("scope_id", "period", "points", "n")
  SELECT "scope_id", "period", "points", COUNT(*) FROM "scores" WHERE NOT "hidden" GROUP BY "scope_id", "period", "points";
