import { readFileSync } from 'node:fs';
import { Admin } from '@platformatic/kafka';
import type { KafkaConnection } from './kafka-client.ts';

/**
 * An admin of @platformatic/kafka, a pure-JavaScript client that speaks the Kafka APIs kafkajs
 * 2.2.4 never learned, connected exactly as the service's kafkajs client is: the same brokers,
 * and on a secured cluster the same SCRAM-SHA-512 user over TLS that trusts the same CA.
 * Close it after use.
 */
export function platformaticAdmin({ brokers, clientId, login }: KafkaConnection): Admin {
  return new Admin({
    clientId,
    bootstrapBrokers: [...brokers],
    ...(login
      ? {
          tls: { ca: [readFileSync(login.caFile, 'utf8')] },
          sasl: { mechanism: 'SCRAM-SHA-512', username: login.username, password: login.password },
        }
      : {}),
  });
}
