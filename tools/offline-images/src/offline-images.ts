import { kafkaVersion } from '@orderflow/kafka-cluster';

/**
 * The offline images: stand-ins for the official images that docker-compose.yml and the
 * testcontainers mode use, for machines where no container registry can be reached. Their
 * names are their own (never an official image's name), and the compose file and tests pick
 * them through the same settings that default to the official images.
 */
export const OFFLINE_IMAGES = Object.freeze({
  /** Debian bookworm, made by debootstrap from the host's mirror: what the others build on. */
  base: 'orderflow-offline/debian:bookworm',
  /** For NODE_IMAGE (the Dockerfile's base), instead of node:24-bookworm-slim. */
  node: 'orderflow-offline/node:24',
  /** For POSTGRES_IMAGE, instead of postgres:17. */
  postgres: 'orderflow-offline/postgres:17',
  /** For KAFKA_IMAGE, instead of apache/kafka:<version>: the one Kafka version of the pom. */
  kafka: `orderflow-offline/kafka:${kafkaVersion()}`,
});

/** The settings that point compose and the tests at the offline images. */
export function offlineImageSettings(): Record<'NODE_IMAGE' | 'POSTGRES_IMAGE' | 'KAFKA_IMAGE', string> {
  return {
    NODE_IMAGE: OFFLINE_IMAGES.node,
    POSTGRES_IMAGE: OFFLINE_IMAGES.postgres,
    KAFKA_IMAGE: OFFLINE_IMAGES.kafka,
  };
}

/** The label that records what an image was built from: same inputs, no rebuild. */
export const INPUTS_LABEL = 'dev.orderflow.inputs';
