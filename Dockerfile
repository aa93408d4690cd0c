# syntax=docker/dockerfile:1
# Same install as CI (`npm ci`), production dependencies only; sqlite3 compiles from source.
# `npm ci` would also run the package's own `prepare` (the TypeScript build), which needs the
# dev dependencies and src/: skipped here, and the dependencies' install scripts run by
# `npm rebuild` instead.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm rebuild

# The compiled JavaScript: `npm ci` builds it (`prepare`: `npm run build`, as the tests do), no
# TypeScript at run time.
FROM deps AS build
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 CACHE_URL=sqlite:///app/data/gateway.sqlite
COPY --from=deps /app/node_modules ./node_modules
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
