# One image recipe for every Orderflow container: the three services and the one-shot topic
# provisioning. docker-compose.yml builds it once per service; the stages below are shared, so
# the builds after the first reuse every layer but the last few.
#
#   docker build --build-arg SERVICE=inventory-service --build-arg PORT=3001 -t orderflow/inventory-service .
#   docker build --target kafka-setup -t orderflow/kafka-setup .
#   docker build --target kafka-secrets -t orderflow/kafka-secrets .   (docker-compose.secure.yml)
#
# There is no compile step. Node.js >= 22.18 runs TypeScript itself by erasing the types, so
# the image holds the sources of apps/ and libs/ and runs them as they are: `node src/main.ts`.
# (`nx build` output is not used: it is JavaScript without the `.sql` migrations, which the
# services read at runtime from beside their code.) .dockerignore keeps tests, tools/ and
# local state out.

# The Node.js base image, chosen at build time, e.g. a digest-pinned one:
#   docker build --build-arg NODE_IMAGE=node:24-bookworm-slim@sha256:<digest> ...
# Declared before the first FROM so that every FROM can use it. Node 24 LTS; `slim` has no
# compilers and no curl, which nothing here needs (the healthcheck uses Node's own fetch).
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- deps: the production node_modules, exactly as the lockfile says ----------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app

# The manifests first, the sources later: Docker reuses a layer while its inputs are unchanged,
# so the slow `npm ci` below runs again only when a package.json or the lockfile changes, not
# on every code edit. With npm workspaces, `npm ci` checks the lockfile against EVERY
# workspace's package.json, so each one is copied, the tests' and tools' too
# (apps/e2e/src/docker-compose.spec.ts fails when a workspace is missing here).
COPY package.json package-lock.json ./
COPY apps/order-service/package.json apps/order-service/
COPY apps/inventory-service/package.json apps/inventory-service/
COPY apps/notification-service/package.json apps/notification-service/
COPY apps/console/package.json apps/console/
COPY apps/e2e/package.json apps/e2e/
COPY libs/events/package.json libs/events/
COPY libs/kafka/package.json libs/kafka/
COPY libs/kafka-cluster/package.json libs/kafka-cluster/
COPY libs/service/package.json libs/service/
COPY libs/testing/package.json libs/testing/
COPY tools/dev-stack/package.json tools/dev-stack/
COPY tools/local-kafka/package.json tools/local-kafka/
COPY tools/bench/package.json tools/bench/
COPY tools/offline-images/package.json tools/offline-images/
COPY tools/k8s-manifests/package.json tools/k8s-manifests/

# --workspace ...   only what the three services need (their libs come with them); the test
#                   and tool workspaces' packages stay out. The libs are linked, not copied:
#                   node_modules/@orderflow/kafka -> ../../libs/kafka, filled in below.
# --omit=dev        no jest, Nx, TypeScript or type packages.
# --omit=optional   skips embedded-postgres's platform binaries (a whole PostgreSQL build).
#                   In a container DATABASE_URL is always set, so libs/service never starts
#                   the embedded server (it loads that package only when DATABASE_URL is unset).
# --ignore-scripts  runs no package's install script: no production dependency needs one
#                   (only those PostgreSQL binaries have one), and none runs by surprise.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
      --workspace=apps/order-service \
      --workspace=apps/inventory-service \
      --workspace=apps/notification-service \
      --workspace=apps/console

# ---- runtime: what every Orderflow container starts from -----------------------------------
FROM ${NODE_IMAGE} AS runtime
# Express and other libraries switch to their production behaviour (e.g. no stack traces in
# error responses).
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY libs ./libs
COPY apps ./apps
# The files belong to root and the process runs as `node` (uid 1000, made by the official
# image): a compromised service cannot rewrite its own code or dependencies, and it holds no
# root rights in the container.
USER node

# ---- kafka-setup: the one-shot topic provisioning of docker-compose.yml --------------------
# Creates the catalogue's topics (and their dead-letter topics) or checks they are as declared,
# then exits 0; the services start only after it has (`service_completed_successfully`).
FROM runtime AS kafka-setup
CMD ["node", "libs/kafka/bin/provision-topics.ts"]

# ---- kafka-secrets: the secured compose variant's CA, keys, passwords and scripts ----------
# The one-shot `kafka-secrets` service of docker-compose.secure.yml: the same TypeScript that
# secures the local cluster (libs/kafka-cluster/src/secure, and the compose parts in
# tools/local-kafka/src/secure), writing into a named volume.
#   docker build --target kafka-secrets -t orderflow/kafka-secrets .
# Its packages are the local-kafka tool's and its library's (@orderflow/kafka-cluster:
# @peculiar/x509 for the certificates, kafkajs, and @orderflow/events for the access plan),
# installed apart so the services' images stay without them: `npm ci` starts again from the
# deps stage's manifests (and its npm cache).
FROM deps AS kafka-secrets-deps
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
      --workspace=tools/local-kafka \
      --workspace=libs/kafka-cluster

FROM ${NODE_IMAGE} AS kafka-secrets
WORKDIR /app
COPY --from=kafka-secrets-deps /app/node_modules ./node_modules
COPY package.json ./
COPY libs/events ./libs/events
COPY libs/kafka-cluster ./libs/kafka-cluster
COPY tools/local-kafka/package.json tools/local-kafka/
COPY tools/local-kafka/src ./tools/local-kafka/src
# No USER: it runs as root for one reason, to give the files to uid 1000 (`--owner`), the user
# of the brokers and of the services. A new volume's folder belongs to root, and only root
# may give a file away. Nothing else runs in this container, and it exits when done.
ENTRYPOINT ["node", "tools/local-kafka/src/cli.ts", "secrets"]
CMD ["--help"]

# ---- service: one of the three services (the default target: the last stage) --------------
FROM runtime AS service
# Which service this image runs (a folder of apps/) and the port it listens on, e.g.
#   --build-arg SERVICE=order-service --build-arg PORT=3000
ARG SERVICE
ARG PORT
# Fail the build, not the container, when they are missing or name no service.
RUN if [ -z "$PORT" ] || [ ! -f "apps/$SERVICE/src/main.ts" ]; then \
      echo "Build with --build-arg SERVICE=<order-service|inventory-service|notification-service> --build-arg PORT=<port>; got SERVICE='$SERVICE' PORT='$PORT'" >&2; \
      exit 1; \
    fi
# Baked in, so the process and the healthcheck agree on it; `docker run -e PORT=...` overrides it.
ENV PORT=${PORT}
# The service's own folder as the working directory lets CMD name a fixed path. CMD's JSON
# ("exec") form does not expand variables, and its shell form would make `sh` PID 1, which
# does not pass SIGTERM on: here `node` itself is PID 1 and receives `docker stop`'s SIGTERM,
# and main.ts shuts down gracefully (HTTP server, consumer, outbox relay, pool).
WORKDIR /app/apps/${SERVICE}
# Documents the port; publishing it is docker-compose.yml's (or `docker run -p`'s) job.
EXPOSE ${PORT}
# Liveness: the process answers HTTP. (docker-compose.yml checks /ready instead, which also
# needs Kafka and PostgreSQL.) Node's built-in fetch, as slim images have no curl or wget.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health').then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "src/main.ts"]
