# syntax=docker/dockerfile:1
# studybot: multi-stage image. Runs `node dist/main.js` (exactly `npm start`) as a non-root user.
#   SQLite (default):  docker run -d -v studybot-data:/app/data --env-file .env studybot
#   PostgreSQL:        docker run -d -e DATABASE_URL=postgresql://user:pw@db:5432/studybot --env-file .env studybot
#   Terminal session:  docker run -it --rm -v studybot-data:/app/data studybot      (no platform token set)
# Migrations: pending SQLite migrations are applied at start-up; on PostgreSQL too, under an advisory lock, or
# once per release with: docker run --rm -e DATABASE_URL=postgresql://... studybot node dist/store/prisma/migrate-cli.js

ARG NODE_IMAGE=node:20-slim

# ---- production dependencies (native better-sqlite3 compiled for this very base image) ----
FROM ${NODE_IMAGE} AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: skips our `prepare` (the build stage builds) and Prisma's postinstall; the one native
# module is then built explicitly (prebuilt binary when available, node-gyp otherwise).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 \
 && npm cache clean --force

# ---- build: all dependencies, generate both Prisma clients, bundle with esbuild (npm run build) ----
FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY . .
# `prisma generate` for prisma/sqlite and prisma/postgres (JS engine, nothing downloaded), then esbuild -> dist/
RUN npm run build

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# package.json ("type": "module" makes dist/*.js ESM); prisma/ holds the committed migrations applied at start.
COPY --chown=root:root package.json ./
COPY --chown=root:root prisma ./prisma
# The `studybot` CLI (docker run --rm studybot node bin/studybot.js quiz cnn).
COPY --chown=root:root bin ./bin
# The SQLite database lives in /app/data (DATABASE_URL unset = file:./data/studybot.db): the only writable
# place for the unprivileged user, and a volume so progress survives container upgrades.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
# Telegram webhook mode listens here (TELEGRAM_WEBHOOK_PORT / PORT); long polling and Discord need no port.
EXPOSE 8080
# main.ts handles SIGTERM itself (stops the adapters, closes the database), so no init process is needed.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
