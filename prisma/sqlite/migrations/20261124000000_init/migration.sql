-- CreateTable
CREATE TABLE "processed_events" (
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,

    PRIMARY KEY ("kind", "key")
);

-- CreateTable
CREATE TABLE "topic_progress" (
    "user_id" INTEGER NOT NULL,
    "topic_id" TEXT NOT NULL,
    "questions" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "correct" INTEGER NOT NULL DEFAULT 0,
    "first_try_correct" INTEGER NOT NULL DEFAULT 0,
    "parts_attempted" INTEGER NOT NULL DEFAULT 0,
    "last_seen_at" DATETIME NOT NULL,

    PRIMARY KEY ("user_id", "topic_id"),
    CONSTRAINT "topic_progress_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "scores" (
    "scope_id" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "points" REAL NOT NULL DEFAULT 0,
    "solved" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("scope_id", "period", "user_id"),
    CONSTRAINT "scores_scope_id_fkey" FOREIGN KEY ("scope_id") REFERENCES "scopes" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "scores_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "questions" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "event_key" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "attempts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "question_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "part_id" TEXT NOT NULL,
    "try_no" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "credit" REAL NOT NULL,
    "first_try" BOOLEAN NOT NULL,
    "created_at" DATETIME NOT NULL,
    CONSTRAINT "attempts_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "attempts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "user_questions" (
    "question_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "hints_used" INTEGER NOT NULL DEFAULT 0,
    "revealed" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("question_id", "user_id"),
    CONSTRAINT "user_questions_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "questions" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "user_questions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "scopes" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "platform_scope_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "users" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "platform_user_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "opt_out" BOOLEAN NOT NULL DEFAULT false,
    "streak_current" INTEGER NOT NULL DEFAULT 0,
    "streak_best" INTEGER NOT NULL DEFAULT 0,
    "last_active_day" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "scores_scope_id_period_points_solved_user_id_idx" ON "scores"("scope_id", "period", "points" DESC, "solved" DESC, "user_id");

-- CreateIndex
CREATE INDEX "scores_user_id_period_idx" ON "scores"("user_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "questions_event_key_key" ON "questions"("event_key");

-- CreateIndex
CREATE INDEX "questions_scope_id_channel_id_created_at_id_idx" ON "questions"("scope_id", "channel_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "questions_scope_id_message_id_idx" ON "questions"("scope_id", "message_id");

-- CreateIndex
CREATE UNIQUE INDEX "attempts_question_id_user_id_part_id_try_no_key" ON "attempts"("question_id", "user_id", "part_id", "try_no");

-- CreateIndex
CREATE UNIQUE INDEX "scopes_platform_platform_scope_id_key" ON "scopes"("platform", "platform_scope_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_platform_platform_user_id_key" ON "users"("platform", "platform_user_id");

