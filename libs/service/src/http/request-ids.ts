import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { withCorrelationContext, type CorrelationContext } from '../logger/correlation-context.ts';

export const requestIdHeader = 'X-Request-Id';
export const correlationIdHeader = 'X-Correlation-Id';

// A caller's id is taken only if it is short and plain: it goes into headers and every log line.
const acceptableId = /^[\w.:-]{1,128}$/;

function idFrom(request: Request, header: string): string {
  const given = request.get(header);
  return given && acceptableId.test(given) ? given : randomUUID();
}

/**
 * Gives every request a request id (this request) and a correlation id (the whole business
 * flow: taken from the caller when it sends one), echoes both as response headers, and keeps
 * them in `res.locals` for the access log and the error handler.
 */
export const assignRequestIds: RequestHandler = (request, response, next) => {
  const context: CorrelationContext = {
    requestId: idFrom(request, requestIdHeader),
    correlationId: idFrom(request, correlationIdHeader),
  };
  response.locals['correlation'] = context;
  response.set(requestIdHeader, context.requestId);
  response.set(correlationIdHeader, context.correlationId);
  next();
};

/** The ids assignRequestIds gave this request. */
export function requestContext(response: Response): CorrelationContext {
  return response.locals['correlation'] as CorrelationContext;
}

/**
 * Runs the rest of the request inside the ids' log context, so every log line a route writes
 * (also deep inside a use case) carries them. Mounted after the body parser: the stream
 * callbacks of body parsing would lose an AsyncLocalStorage context set before it.
 */
export function enterRequestContext(request: Request, response: Response, next: NextFunction): void {
  withCorrelationContext(requestContext(response), next);
}
