// Composition root of the console: config → logger → Kafka client → console → shutdown.
import { createKafkaClient } from '@orderflow/kafka';
import { createLogger, kafkaLoginOf, loadConfigOrExit, onShutdown } from '@orderflow/service';
import { consoleConfig } from './config.ts';
import { createConsole } from './create-console.ts';

const config = loadConfigOrExit(consoleConfig);
const logger = createLogger({ serviceName: config.SERVICE_NAME, level: config.LOG_LEVEL });
let startFailed = false;
// A failed start still stops what did start, but must not end with exit code 0.
const shutdown = onShutdown({ logger, exit: (code) => process.exit(startFailed ? 1 : code) });

try {
  const kafka = createKafkaClient({
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID,
    login: kafkaLoginOf(config),
    logger,
    // A view refreshed every second wants a quick "no" from a dead broker, not a long retry:
    // the next refresh asks again anyway.
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1_000 },
    connectionTimeoutMs: 1_000,
    requestTimeoutMs: 5_000,
  });
  const orderflowConsole = createConsole({
    kafka,
    logger,
    brokers: config.KAFKA_BROKERS,
    port: config.PORT,
    host: config.HOST,
    instances: config.CONSOLE_SERVICES,
    serviceName: config.SERVICE_NAME,
    clientId: config.KAFKA_CLIENT_ID,
    refreshMs: config.CONSOLE_REFRESH_MS,
    allowedHosts: config.CONSOLE_ALLOWED_HOSTS,
  });
  shutdown.register('console', () => orderflowConsole.stop());
  await orderflowConsole.start();
} catch (error) {
  logger.fatal({ err: error }, 'console failed to start');
  startFailed = true;
  await shutdown.shutdown('start failed');
}
