# The image runs Node 24, an LTS line; the code also runs on Node 20.18.1+ and 22 (package.json
# `engines`). No `# syntax` line: the builder's own Dockerfile frontend is enough.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# sqlite3 compiles from source.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The dependencies first, from the package files alone, so a change to src/ reuses this layer
# instead of installing (and compiling sqlite3) again. `--ignore-scripts` skips our own
# `prepare` (it compiles src/, not copied yet); `npm rebuild` then runs the dependencies'
# install scripts (sqlite3's native build), as `npm ci` would have.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild
# Then compile src/ to dist/ (what `prepare` runs) and remove the dev dependencies (TypeScript,
# pino-pretty, the test tools), so the image holds production dependencies only.
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 CACHE_URL=sqlite:///app/data/gateway.sqlite
COPY --from=build /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The same command as `npm start`.
CMD ["node", "dist/main.js"]
