// Creates (or verifies) every topic of the catalogue, then exits: the `kafka-setup` one-shot
// service of docker-compose.yml runs this before any Orderflow service starts.
//
//   KAFKA_BROKERS=127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094 node libs/kafka/bin/provision-topics.ts
//
// The topics: `orders` and `inventory` from libs/events, plus one dead-letter topic per topic
// and reading consumer group (`orders.inventory-service.dlt`, ...): allTopicSettings() derives
// them from the `readers` each topic declares. Provisioning is idempotent: a topic that is
// missing is created with its config, one that exists is checked against the catalogue. The
// services run the same step for their own topics at start, so this script is not required
// for correctness; it brings the cluster's topics into shape once, visibly, before they start.
//
// Exit code 0: every topic exists as declared. 1: bad KAFKA_BROKERS (one line on stderr), or
// provisioning failed (a JSON log line that says why, e.g. a topic with fewer partitions
// than the catalogue, or fewer brokers than the replication factor).
import { allTopicSettings } from '@orderflow/events';
import { createLogger, kafkaLoginOf, loadConfigOrExit, serviceConfig } from '@orderflow/service';
// Relative, not '@orderflow/kafka': this script belongs to the kafka project, and Nx's
// module-boundary rule wants a project's own files imported relatively (the public API,
// src/index.ts, is what it imports all the same).
import { createKafkaClient, provisionTopics } from '../src/index.ts';

// The same variables, with the same validation, as a service: KAFKA_BROKERS (required),
// KAFKA_CLIENT_ID, LOG_LEVEL, and on a secured cluster the admin's login (KAFKA_SASL_USERNAME,
// KAFKA_SASL_PASSWORD, KAFKA_SSL_CA_FILE): there, only the admin may create topics. The
// others (PORT, DATABASE_URL...) have defaults and are not used.
const config = loadConfigOrExit(serviceConfig({ serviceName: 'kafka-setup', port: 0 }));
const logger = createLogger({ serviceName: config.KAFKA_CLIENT_ID, level: config.LOG_LEVEL });
const kafka = createKafkaClient({
  brokers: config.KAFKA_BROKERS,
  clientId: config.KAFKA_CLIENT_ID,
  login: kafkaLoginOf(config),
  logger,
});
const topics = allTopicSettings();

try {
  logger.info({ brokers: config.KAFKA_BROKERS, topics: topics.map((topic) => topic.name) }, 'provisioning topics');
  const report = await provisionTopics({ kafka, logger, topics });
  // provisionTopics logs each topic it creates or changes; the summary says what it found.
  for (const name of report.unchanged) logger.info({ topic: name }, `verified topic ${name}: as declared`);
  logger.info(
    {
      created: report.created,
      configUpdated: report.configUpdated.map((update) => update.topic),
      verified: report.unchanged,
    },
    `topics ready: ${report.created.length} created, ${report.unchanged.length} verified, ` +
      `${topics.length - report.created.length - report.unchanged.length} updated`,
  );
  process.exitCode = 0;
} catch (error) {
  logger.fatal(
    { err: error, brokers: config.KAFKA_BROKERS },
    `topic provisioning failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}
