import express, { type Express, type RequestHandler, type Router } from 'express';
import type { Logger } from '../logger/create-logger.ts';
import type { ServiceMetrics } from '../metrics/create-metrics.ts';
import { problemHandler, unknownRoute } from './error-handler.ts';
import { HttpError, problemContentType, problemType, type ErrorStatuses } from './problem-details.ts';
import { checkReadiness, type ReadinessCheck } from './readiness.ts';
import { assignRequestIds, enterRequestContext, requestContext } from './request-ids.ts';

export interface HttpAppOptions {
  readonly serviceName: string;
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  /** What /ready checks, e.g. database and Kafka reachable. */
  readonly readinessChecks?: readonly ReadinessCheck[];
  /** The service's own routes, mounted at `/`. */
  readonly routes?: Router;
  /** Largest JSON body accepted; bigger ones get 413. Events stay small, so requests do too. */
  readonly bodyLimit?: string;
  /** What `GET /status` shows: what the service's Kafka parts are doing (consumer group, relay). */
  readonly status?: () => unknown;
  /** Statuses for the service's own OrderflowError codes, beyond the built-in error classes. */
  readonly errorStatuses?: ErrorStatuses;
}

/**
 * The Express 5 app every service shares: request and correlation ids, JSON bodies only,
 * access log and metrics, `/health`, `/ready`, `/metrics`, `/status`, the service's routes, and errors
 * answered as `application/problem+json`. Express 5 passes a rejected async route to the error
 * handler by itself, so routes need no try/catch.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const { logger, metrics, bodyLimit = '100kb' } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // answers are live state, not cacheable documents

  app.use(assignRequestIds);
  app.use(observe(logger, metrics));
  app.use(requireJson);
  app.use(express.json({ limit: bodyLimit, type: ['application/json', '+json'] }));
  app.use(enterRequestContext);

  // Liveness: the process runs and answers. Never checks dependencies: a restart would not fix them.
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok', service: options.serviceName });
  });
  // Readiness: send me traffic. 503 while a dependency is unreachable.
  app.get('/ready', async (request, response) => {
    const report = await checkReadiness(options.readinessChecks ?? []);
    if (report.ready) {
      response.json({ status: 'ready', checks: report.checks });
      return;
    }
    const down = Object.keys(report.checks).filter((name) => report.checks[name]?.status === 'down');
    response
      .status(503)
      .type(problemContentType)
      .send(
        JSON.stringify({
          type: problemType('NOT_READY'),
          title: 'Service Unavailable',
          status: 503,
          detail: `Not ready: ${down.join(', ')} unreachable.`,
          instance: request.originalUrl,
          code: 'NOT_READY',
          checks: report.checks,
        }),
      );
  });
  app.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const { status } = options;
  if (status) {
    app.get('/status', (_request, response) => {
      response.json(status());
    });
  }

  if (options.routes) app.use(options.routes);
  app.use(unknownRoute);
  app.use(problemHandler(logger, options.errorStatuses ?? {}, bodyLimit));
  return app;
}

/**
 * A request that changes something (POST, PUT, PATCH, DELETE) must say it is JSON
 * (`application/json` or `+json`), even with no body (POST /orders/:id/cancel); else 415. A
 * browser lets any site send a cross-site form (form data or text/plain) without asking, but not
 * JSON: so a page elsewhere cannot cancel an order whose id it knows.
 */
const requireJson: RequestHandler = (request, _response, next) => {
  const mediaType = (request.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const isJson = mediaType === 'application/json' || /^[a-z]+\/[\w.+-]+\+json$/.test(mediaType);
  if (readOnlyMethods.has(request.method) || isJson) {
    next();
    return;
  }
  next(
    new HttpError(
      415,
      `Send Content-Type: application/json with a ${request.method}, even one without a body; got ${request.get('Content-Type') ?? 'none'}.`,
      { code: 'UNSUPPORTED_MEDIA_TYPE' },
    ),
  );
};

const readOnlyMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The endpoints that monitors, load balancers and the dev stack poll every few seconds. Their
 * access log lines go to debug (LOG_LEVEL=debug shows them): at info they would bury the API.
 */
const probeRoutes: ReadonlySet<string> = new Set(['/health', '/ready', '/status', '/metrics']);

/** Counts and times every answered request and writes one access log line for it. */
function observe(logger: Logger, metrics: ServiceMetrics): RequestHandler {
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The route pattern (`/orders/:id`), never the raw path: one time series per route, not per id.
      const route = request.route ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
      const labels = { method: request.method, route, status: String(response.statusCode) };
      metrics.httpRequests.inc(labels);
      metrics.httpRequestDuration.observe(labels, seconds);
      const durationMs = Math.round(seconds * 1000);
      // The message says it all for a person reading a terminal; the fields are for log queries.
      const line = `${request.method} ${route === 'unmatched' ? request.path : route} ${labels.status} ${durationMs} ms`;
      logger[probeRoutes.has(route) ? 'debug' : 'info'](
        { ...requestContext(response), ...labels, path: request.originalUrl, durationMs },
        line,
      );
    });
    next();
  };
}
