#!/usr/bin/env bash
# Runs the whole of Mechta in the foreground: installs what is missing, brings up the database
# (embedded PostgreSQL in DATA_DIR unless DATABASE_URL is set), migrates, builds the Mini App and
# starts bot + API + workers in one process. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"

if [ -f .env ]; then
  set -a
  # shellcheck disable=SC1091
  . ./.env
  set +a
fi

need_node_major=20
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt "$need_node_major" ]; then
  echo "Mechta needs Node.js >= 20.19 (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

if ! command -v pnpm >/dev/null 2>&1; then
  echo "→ installing pnpm"
  npm install -g pnpm@12 >/dev/null 2>&1 || { corepack enable && COREPACK_INTEGRITY_KEYS=0 corepack prepare pnpm@latest --activate; }
fi

# Install only when the lockfile changed since the last install (keeps restarts fast).
stamp=node_modules/.mechta-install-stamp
if [ ! -f "$stamp" ] || [ pnpm-lock.yaml -nt "$stamp" ]; then
  echo "→ installing dependencies"
  pnpm install --frozen-lockfile
  touch "$stamp"
fi

# Build the Mini App when its sources are newer than the last build.
if [ ! -f miniapp/dist/index.html ] || [ -n "$(find miniapp/src miniapp/index.html miniapp/vite.config.ts -newer miniapp/dist/index.html 2>/dev/null | head -n 1)" ]; then
  echo "→ building the Mini App"
  pnpm --filter @mechta/miniapp build >/dev/null
fi

# A local run is development unless told otherwise: without BOT_TOKEN that keeps the Mini App's demo
# sign-in, which production never offers unless DEMO_MODE=true.
export NODE_ENV="${NODE_ENV:-development}"

# Compile the server when any workspace source (or the installed packages) changed since the last
# build: plain JavaScript starts faster and idles about 30 MB lighter than the sources under tsx.
if [ ! -f dist/main.js ] || [ "$stamp" -nt dist/main.js ] || [ scripts/build.ts -nt dist/main.js ] ||
  [ -n "$(find api/src bot/src core/src db/src -name '*.ts' -newer dist/main.js 2>/dev/null | head -n 1)" ]; then
  echo "→ building the server"
  pnpm build >/dev/null
fi

echo "→ starting Mechta (migrations run at start)"
# exec: signals go straight to the app, which stops the bot, workers, HTTP and embedded PostgreSQL.
exec node dist/main.js
