import type { ErrorRequestHandler, RequestHandler } from 'express';
import { asDatabaseUnavailable } from '../database/database-unavailable.ts';
import type { Logger } from '../logger/create-logger.ts';
import {
  HttpError,
  problemContentType,
  problemFor,
  unavailableRetryAfterSeconds,
  type ErrorStatuses,
} from './problem-details.ts';
import { requestContext } from './request-ids.ts';

/** Any request no route answered: 404. */
export const unknownRoute: RequestHandler = (request, _response, next) => {
  next(new HttpError(404, `No route for ${request.method} ${request.path}`, { code: 'ROUTE_NOT_FOUND' }));
};

/**
 * Turns every error into an RFC 9457 answer (`application/problem+json`). 5xx are logged with
 * their stack; 4xx are the caller's mistake and only logged at debug level. A database error
 * that means "unavailable, try again" is a 503 whichever route met it: a route that queries the
 * pool directly (one statement, no transaction) must not answer 500 for it.
 */
export function problemHandler(logger: Logger, errorStatuses: ErrorStatuses, bodyLimit: string): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error); // too late for a problem document: Express closes the connection
      return;
    }
    const problem = problemFor(
      fromBodyParser(asDatabaseUnavailable(error), bodyLimit),
      request.originalUrl,
      errorStatuses,
    );
    const log = logger.child({ ...requestContext(response) });
    if (problem.status >= 500) log.error({ err: error, path: request.originalUrl }, 'request failed');
    else log.debug({ problem }, 'request rejected');
    // RFC 9110: a 503 may say when to try again; clients and proxies that honour it back off.
    if (problem.status === 503) response.setHeader('Retry-After', String(unavailableRetryAfterSeconds));
    response.status(problem.status).type(problemContentType).send(JSON.stringify(problem));
  };
}

/** The body parser (body-parser, inside express.json) reports with its own `type` strings. */
function fromBodyParser(error: unknown, bodyLimit: string): unknown {
  if (!(error instanceof Error) || !('type' in error) || typeof error.type !== 'string') return error;
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'The request body is not valid JSON.', { code: 'MALFORMED_JSON', cause: error });
    case 'entity.too.large':
      return new HttpError(413, `The request body is larger than ${bodyLimit}.`, {
        code: 'BODY_TOO_LARGE',
        cause: error,
      });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new HttpError(415, error.message, { code: 'UNSUPPORTED_MEDIA_TYPE', cause: error });
    default: {
      const status = 'status' in error && typeof error.status === 'number' ? error.status : 400;
      return new HttpError(status, error.message, { code: 'BAD_REQUEST', cause: error });
    }
  }
}
