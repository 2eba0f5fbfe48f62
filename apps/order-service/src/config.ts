import { serviceConfig } from '@orderflow/service';
import { z } from 'zod';

// 25 connections for requests, not 10: when a POST was five round trips (BEGIN, three INSERTs,
// COMMIT), each waiting for CPU on a busy machine, 10 connections capped the rate (bench probe,
// 500 orders/s offered, one warm cluster: 10 accepted 206 and 262/s, 25 accepted 272 and 323/s).
// A POST is one statement now (pg-order-placement.ts) and holds a connection a fifth as long.
/** order-service's environment: the shared variables (port 3000) plus its own. */
export const orderServiceConfig = serviceConfig({
  serviceName: 'order-service',
  port: 3000,
  databasePoolSize: 25,
}).extend({
  /** Largest JSON body accepted (413 above it); orders are small. */
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/, { error: 'expected a size like 100kb' })
    .default('100kb'),
});

export type OrderServiceConfig = z.output<typeof orderServiceConfig>;
