import { serviceConfig } from '@orderflow/service';
import { z } from 'zod';

/** `inventory-service#2`: an app of apps/, and the instance number when there are several. */
const instanceLabel = /^[a-z][a-z0-9-]*(#\d+)?$/;

/**
 * CONSOLE_SERVICES: the service instances whose `/status` the console reads to name group
 * members, as `label=url` pairs, e.g.
 *   order-service=http://127.0.0.1:3000,inventory-service#1=http://127.0.0.1:3001,inventory-service#2=http://127.0.0.1:3011
 */
export const consoleServicesVariable = z.string().transform((value, context) => {
  const instances = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const at = entry.indexOf('=');
      return { label: entry.slice(0, at), url: entry.slice(at + 1).replace(/\/+$/, '') };
    });
  for (const { label, url } of instances) {
    if (!instanceLabel.test(label) || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      context.addIssue({
        code: 'custom',
        message: `expected label=http://host:port, e.g. inventory-service#2=http://127.0.0.1:3011; got "${label}=${url}"`,
      });
      return z.NEVER;
    }
  }
  const labels = instances.map((instance) => instance.label);
  const repeated = labels.find((label, index) => labels.indexOf(label) !== index);
  if (repeated) {
    context.addIssue({
      code: 'custom',
      message: `each label once; "${repeated}" appears twice (number the instances: ${repeated}#1, ${repeated}#2)`,
    });
    return z.NEVER;
  }
  return instances;
});

/** What `npm start` runs with one instance each, on the standard ports. */
export const standardServices =
  'order-service=http://127.0.0.1:3000,inventory-service=http://127.0.0.1:3001,notification-service=http://127.0.0.1:3002';

/**
 * The console's environment: the shared variables (it has no database: DATABASE_URL and its
 * pool size are accepted and never used), port 3003, and
 * HOST 127.0.0.1: the console shows the cluster's inside and can place orders, so by default
 * only this machine reaches it (compose binds 0.0.0.0 inside the container and publishes the
 * port on the host's loopback only).
 */
export const consoleConfig = serviceConfig({ serviceName: 'console', port: 3003 })
  // safeExtend, not omit/extend: the shared schema carries a cross-field rule (the Kafka
  // login), and zod keeps a refinement only through safeExtend when a key (HOST) is replaced.
  .safeExtend({
    HOST: z.string().min(1).default('127.0.0.1'),
    CONSOLE_SERVICES: consoleServicesVariable.default(consoleServicesVariable.parse(standardServices)),
    /** How often the console reads the cluster and pushes a new view to the browsers. */
    CONSOLE_REFRESH_MS: z.coerce
      .number({ error: 'expected milliseconds' })
      .int({ error: 'expected whole milliseconds' })
      .min(200, { error: 'expected at least 200 ms' })
      .max(60_000, { error: 'expected at most 60000 ms' })
      .default(1_000),
    /**
     * Host names, besides loopback, that browsers reach the console by (a DNS name behind an
     * ingress, a VM's address): any other Host header is refused, against DNS rebinding.
     */
    CONSOLE_ALLOWED_HOSTS: z
      .string()
      .default('')
      .transform((names) =>
        names
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      ),
  });

export type ConsoleConfig = z.output<typeof consoleConfig>;
