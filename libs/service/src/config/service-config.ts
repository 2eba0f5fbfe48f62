import { z } from 'zod';
import { logLevels } from '../logger/create-logger.ts';

/** `host:port`, as Kafka clients take a bootstrap broker. */
const brokerAddress = /^[^\s:,]+:\d{1,5}$/;

/** KAFKA_BROKERS: `host:port,host:port` to the bootstrap brokers as a list. */
export const kafkaBrokersVariable = z
  .string()
  .transform((value) => value.split(',').map((broker) => broker.trim()))
  .refine((brokers) => brokers.every((broker) => brokerAddress.test(broker)), {
    error: 'expected a comma-separated list of host:port, e.g. 127.0.0.1:19092,127.0.0.1:19093',
  });

/** A TCP port to listen on; `defaultPort` when the variable is unset. */
export const portVariable = (defaultPort: number) =>
  z.coerce
    .number({ error: 'expected a port number' })
    .int({ error: 'expected a port number' })
    .min(0, { error: 'expected a port number from 0 to 65535' })
    .max(65_535, { error: 'expected a port number from 0 to 65535' })
    .default(defaultPort);

/**
 * The variables every Orderflow service reads. A service extends it with its own:
 *
 *   const config = loadConfigOrExit(serviceConfig({ serviceName: 'order-service', port: 3000 }).extend({ ... }));
 */
export function serviceConfig(defaults: { serviceName: string; port: number; databasePoolSize?: number }) {
  return z.object({
    SERVICE_NAME: z.string().min(1).default(defaults.serviceName),
    PORT: portVariable(defaults.port),
    /**
     * The address to listen on. Loopback by default: the API has no authentication, so on a
     * laptop only this machine may call it. A container sets 0.0.0.0 (docker-compose.yml), or
     * its published port would reach nothing.
     */
    HOST: z.union([z.ipv4(), z.ipv6()], { error: 'expected an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0' }).default('127.0.0.1'),
    LOG_LEVEL: z.enum(logLevels, { error: `expected one of ${logLevels.join(', ')}` }).default('info'),
    KAFKA_BROKERS: kafkaBrokersVariable,
    /** Shown in broker logs and quotas; the service name when unset. */
    KAFKA_CLIENT_ID: z.string().min(1).default(defaults.serviceName),
    /** The service's own database. Unset: an embedded PostgreSQL is started for it. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// URL' }).optional(),
    /**
     * Connections for HTTP requests (the relay and the consumer have their own few). A request
     * holds one for its whole transaction, so this caps how many run at once.
     */
    DATABASE_POOL_SIZE: z.coerce
      .number({ error: 'expected a number of connections' })
      .int({ error: 'expected a number of connections' })
      .min(1, { error: 'expected at least 1 connection' })
      .max(90, { error: "expected at most 90 connections (PostgreSQL's default limit is 100 for all clients)" })
      .default(defaults.databasePoolSize ?? 10),
  });
}

export type ServiceConfig = z.output<ReturnType<typeof serviceConfig>>;
