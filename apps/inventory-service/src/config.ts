import { serviceConfig } from '@orderflow/service';
import type { z } from 'zod';

/** inventory-service's environment: the shared variables, port 3001. */
export const inventoryServiceConfig = serviceConfig({ serviceName: 'inventory-service', port: 3001 });

export type InventoryServiceConfig = z.output<typeof inventoryServiceConfig>;
