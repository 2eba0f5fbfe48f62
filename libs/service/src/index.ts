// The public API of @orderflow/service: what every Orderflow service shares. Other projects
// import only what this file exports.

// PostgreSQL: pool, transactions, migrations, and an embedded server for local runs and tests.
export { createPool, poolDefaults, serverKeepaliveProbes, type PoolOptions } from './database/create-pool.ts';
export { checkOutClient } from './database/check-out-client.ts';
export { isDatabaseUnavailable } from './database/database-unavailable.ts';
export { withTransaction } from './database/with-transaction.ts';
export {
  createRetentionJob,
  retentionJobDefaults,
  type RetentionJob,
  type RetentionJobOptions,
  type RetentionRule,
} from './database/retention.ts';
export { MigrationError, runMigrations, type MigrationOptions } from './database/run-migrations.ts';
export { createDatabase, databaseUrl, dropDatabase } from './database/database-admin.ts';
export { connectClient, queryOnce, withClient } from './database/single-client.ts';
export {
  connectDatabase,
  messagingApplicationName,
  messagingPoolSize,
  type ServiceDatabase,
  type ServiceDatabaseOptions,
} from './database/connect-database.ts';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './database/embedded-postgres.ts';
export { findFreePort } from './database/free-port.ts';

// Logging: JSON lines with the service name and the correlation id of the work in progress.
export {
  createLogger,
  logLevels,
  silentLogger,
  type LogLevel,
  type Logger,
  type LoggerOptions,
  type ServiceLogger,
} from './logger/create-logger.ts';
export {
  correlationContext,
  currentCorrelationId,
  withCorrelationContext,
  withCorrelationId,
  type CorrelationContext,
} from './logger/correlation-context.ts';

// Configuration: the environment parsed once through zod, frozen.
export { ConfigError } from './config/config-error.ts';
export { settingsOf } from './config/settings.ts';
export { loadConfig, loadConfigOrExit } from './config/load-config.ts';
export {
  kafkaBrokersVariable,
  kafkaLoginOf,
  portVariable,
  serviceConfig,
  type KafkaLogin,
  type ServiceConfig,
} from './config/service-config.ts';

// Metrics: one prom-client registry per service, with the project's metrics.
export { createMetrics, type ServiceMetrics } from './metrics/create-metrics.ts';

// Errors a use case throws; the HTTP shell maps each to a status.
export {
  ConflictError,
  NotFoundError,
  UnavailableError,
  ValidationError,
  type FieldError,
} from './errors/domain-errors.ts';

// HTTP: the Express app shell, input validation, problem+json, health and readiness.
export { createHttpApp, type HttpAppOptions } from './http/create-http-app.ts';
export { startHttpServer, type HttpServer } from './http/start-http-server.ts';
export { fieldErrors, parseBody, parseQuery } from './http/parse-input.ts';
export {
  HttpError,
  problemContentType,
  problemFor,
  statusFor,
  type ErrorStatuses,
  type ProblemDetails,
} from './http/problem-details.ts';
export {
  checkReadiness,
  databaseReadinessCheck,
  type CheckResult,
  type ReadinessCheck,
  type ReadinessReport,
} from './http/readiness.ts';
export { correlationIdHeader, requestIdHeader } from './http/request-ids.ts';

// Graceful shutdown on SIGTERM/SIGINT.
export { onShutdown, type Shutdown, type ShutdownOptions } from './shutdown/on-shutdown.ts';
export { withTimeout } from './timing/with-timeout.ts';
