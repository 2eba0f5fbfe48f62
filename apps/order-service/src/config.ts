import { serviceConfig } from '@orderflow/service';
import { z } from 'zod';

/** order-service's environment: the shared variables (port 3000) plus its own. */
export const orderServiceConfig = serviceConfig({ serviceName: 'order-service', port: 3000 }).extend({
  /** Largest JSON body accepted (413 above it); orders are small. */
  HTTP_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/, { error: 'expected a size like 100kb' }).default('100kb'),
});

export type OrderServiceConfig = z.output<typeof orderServiceConfig>;
