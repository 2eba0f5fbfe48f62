import { serviceConfig } from '@orderflow/service';
import { z } from 'zod';

// 25 connections for requests, not 10: a POST holds one for five round trips, and on a busy
// machine each round trip waits for CPU, so with 10 the pool, not PostgreSQL, capped the rate
// (bench probe, 500 orders/s offered, back to back on one warm cluster: 10 connections accepted
// 206 and 262/s, 25 accepted 272 and 323/s).
/** order-service's environment: the shared variables (port 3000) plus its own. */
export const orderServiceConfig = serviceConfig({ serviceName: 'order-service', port: 3000, databasePoolSize: 25 }).extend({
  /** Largest JSON body accepted (413 above it); orders are small. */
  HTTP_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/, { error: 'expected a size like 100kb' }).default('100kb'),
});

export type OrderServiceConfig = z.output<typeof orderServiceConfig>;
