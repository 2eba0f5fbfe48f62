import { kafkaVersion } from '@orderflow/kafka-cluster';

/**
 * Image names are settings, as in docker-compose.yml: the official images by default, or
 * KAFKA_IMAGE / POSTGRES_IMAGE (e.g. the offline images tools/offline-images builds where no
 * registry can be reached).
 */
export function kafkaImage(): string {
  return process.env['KAFKA_IMAGE'] || `apache/kafka:${kafkaVersion()}`;
}

export function postgresImage(): string {
  return process.env['POSTGRES_IMAGE'] || 'postgres:17';
}
