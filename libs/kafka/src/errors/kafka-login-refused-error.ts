import { OrderflowError } from '@orderflow/events';

/**
 * The brokers refused the service's SCRAM login: a wrong user name or password, or a user the
 * cluster does not have (yet). Never retriable: the same login fails the same way, so the
 * service stops at start with this message instead of waiting for Kafka forever.
 */
export class KafkaLoginRefusedError extends OrderflowError {
  constructor(username: string | undefined, cause: Error) {
    super(
      `Kafka refused the login of user "${username ?? '(none)'}" (SCRAM-SHA-512): check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD, and that the cluster has this user. The broker said: ${cause.message}`,
      { code: 'kafka-login-refused', retriable: false, cause },
    );
  }
}
