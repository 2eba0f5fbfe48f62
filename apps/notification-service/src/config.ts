import { serviceConfig } from '@orderflow/service';
import type { z } from 'zod';

/** notification-service's environment: the shared variables, on port 3002. */
export const notificationServiceConfig = serviceConfig({ serviceName: 'notification-service', port: 3002 });

export type NotificationServiceConfig = z.output<typeof notificationServiceConfig>;
