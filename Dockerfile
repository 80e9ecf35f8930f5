# studybot: multi-stage image. Runs `node dist/main.js` (exactly `npm start`) as uid 1000.
#   SQLite (default):  docker run -d -v studybot-data:/app/data --env-file .env studybot
#   PostgreSQL:        docker run -d -e DATABASE_URL=postgresql://user:pw@db:5432/studybot --env-file .env studybot
#   Terminal session:  docker run -it --rm -v studybot-data:/app/data studybot      (no platform token set)
#   Several instances: compose.yaml (PostgreSQL, two bots in webhook / HTTP interactions mode behind a proxy).
# Migrations are applied at start-up (SQLite; PostgreSQL under an advisory lock), or once per release with:
#   docker run --rm -e DATABASE_URL=postgresql://... studybot node dist/store/prisma/migrate-cli.js
# The logic of this file (stages, what the runtime stage holds, user, health check) is checked without Docker by
# test/docker/dockerfile.test.ts.

# Node 24 (Active LTS until 2026-10, maintenance until 2028-04), pinned to a release; pin the digest too
# (node:24.11.1-bookworm-slim@sha256:...) where builds must be reproducible.
ARG NODE_IMAGE=node:24.11.1-bookworm-slim

# ---- runtime dependencies only, native better-sqlite3 compiled for this very base image ----
FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=dev: no prisma CLI, typescript, esbuild, mathjs (bundled into dist/ by esbuild). --omit=optional: the
# prisma CLI and its `effect` and `typescript` are optional peers of @prisma/client (devOptional in the lock file),
# which --omit=dev alone still installs; the app migrates itself and never runs the CLI.
# --ignore-scripts skips our `prepare` (the build stage builds); better-sqlite3 is then built explicitly
# (a prebuilt binary when available, node-gyp otherwise).
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 \
 && npm cache clean --force

# ---- build: every dependency, both Prisma clients generated, bundled with esbuild (npm run build) ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Nothing native is needed to build: prisma generate (JavaScript engine) and esbuild only.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# package.json ("type": "module" makes dist/*.js ESM); the committed migrations, applied at start.
COPY --chown=root:root package.json ./
COPY --chown=root:root prisma/sqlite/migrations ./prisma/sqlite/migrations
COPY --chown=root:root prisma/postgres/migrations ./prisma/postgres/migrations
# The `studybot` CLI (docker run --rm studybot node bin/studybot.js quiz cnn).
COPY --chown=root:root bin ./bin
# The SQLite database lives in /app/data (DATABASE_URL unset = file:./data/studybot.db): the only writable place
# for the unprivileged user, and a volume so progress survives upgrades. A bind mount must be writable by uid 1000
# (the bot says so by name at start when it is not).
RUN mkdir -p /app/data && chown 1000:1000 /app/data
VOLUME ["/app/data"]
# Numeric, so Kubernetes' runAsNonRoot can verify it without looking the name up.
USER 1000:1000
# /healthz and /metrics (src/ops/) listen here.
ENV HTTP_PORT=9090
# 8080: Telegram webhook (TELEGRAM_WEBHOOK_PORT), 8082: Discord interactions (DISCORD_INTERACTIONS_PORT),
# 9090: health and metrics (HTTP_PORT). Long polling and the Discord gateway need no port.
EXPOSE 8080 8082 9090
# No curl in the slim image: Node's fetch. 503 (database unreachable, a platform disconnected) is unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || 9090) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# main.ts handles SIGTERM itself (stops the adapters within seconds, closes the database): no init process needed.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
