import { existsSync } from 'node:fs';
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

/**
 * A SCRAM user name or password. Printable ASCII only: kafkajs sends it as it is, with no
 * SASLprep (RFC 4013) as Java does, so the two agree only on ASCII.
 */
const scramSecret = (what: string) =>
  z
    .string()
    .regex(/^[\x21-\x7e]+$/, { error: `expected a ${what} of printable ASCII characters (kafkajs does no SASLprep)` });

/** A PEM file to trust: checked at start, so a typo is a config error, not a TLS error later. */
const caFile = z
  .string()
  .refine((path) => existsSync(path), { error: 'expected the path of a PEM file that exists (the CA of the brokers)' });

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
  return z
    .object({
      SERVICE_NAME: z.string().min(1).default(defaults.serviceName),
      PORT: portVariable(defaults.port),
      /**
       * The address to listen on. Loopback by default: the API has no authentication, so on a
       * laptop only this machine may call it. A container sets 0.0.0.0 (docker-compose.yml), or
       * its published port would reach nothing.
       */
      HOST: z
        .union([z.ipv4(), z.ipv6()], { error: 'expected an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0' })
        .default('127.0.0.1'),
      LOG_LEVEL: z.enum(logLevels, { error: `expected one of ${logLevels.join(', ')}` }).default('info'),
      KAFKA_BROKERS: kafkaBrokersVariable,
      /** Shown in broker logs and quotas; the service name when unset. */
      KAFKA_CLIENT_ID: z.string().min(1).default(defaults.serviceName),
      /**
       * A secured cluster (SASL_SSL): the service's own SCRAM-SHA-512 user, its password, and the
       * CA that signed the brokers' certificates. All three or none: none is a plaintext cluster.
       */
      KAFKA_SASL_USERNAME: scramSecret('user name').optional(),
      KAFKA_SASL_PASSWORD: scramSecret('password').optional(),
      KAFKA_SSL_CA_FILE: caFile.optional(),
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
    })
    .superRefine((config, context) => {
      // SCRAM over plaintext would send a replayable login over the network: TLS or nothing.
      const given = securityVariables.filter((name) => config[name] !== undefined);
      if (given.length > 0 && given.length < securityVariables.length) {
        for (const name of securityVariables.filter((candidate) => config[candidate] === undefined)) {
          context.addIssue({
            code: 'custom',
            path: [name],
            message: `is required with ${given.join(' and ')} (a secured cluster needs all of ${securityVariables.join(', ')})`,
          });
        }
      }
    });
}

const securityVariables = ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'KAFKA_SSL_CA_FILE'] as const;

/** How a service logs in to Kafka: undefined for a plaintext cluster. */
export type KafkaLogin = { readonly username: string; readonly password: string; readonly caFile: string };

/** The config's Kafka login, when it has one (the schema makes it all three variables or none). */
export function kafkaLoginOf(config: Pick<ServiceConfig, (typeof securityVariables)[number]>): KafkaLogin | undefined {
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password, KAFKA_SSL_CA_FILE: caFile } = config;
  return username !== undefined && password !== undefined && caFile !== undefined
    ? { username, password, caFile }
    : undefined;
}

export type ServiceConfig = z.output<ReturnType<typeof serviceConfig>>;
