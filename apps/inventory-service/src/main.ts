// Composition root of inventory-service: config → logger → database → Kafka → service → shutdown.
import { createKafkaClient } from '@orderflow/kafka';
import { connectDatabase, createLogger, kafkaLoginOf, loadConfigOrExit, onShutdown } from '@orderflow/service';
import { inventoryServiceConfig } from './config.ts';
import { createInventoryService } from './create-inventory-service.ts';

const config = loadConfigOrExit(inventoryServiceConfig);
const logger = createLogger({ serviceName: config.SERVICE_NAME, level: config.LOG_LEVEL });
let startFailed = false;
// A failed start still stops what did start, but must not end with exit code 0.
const shutdown = onShutdown({ logger, exit: (code) => process.exit(startFailed ? 1 : code) });

try {
  // Several instances share one database (DATABASE_URL); migrations run in service.start().
  const database = await connectDatabase({
    serviceName: config.SERVICE_NAME,
    databaseUrl: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    logger,
  });
  shutdown.register('database', () => database.stop());
  const kafka = createKafkaClient({
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID,
    login: kafkaLoginOf(config),
    logger,
  });
  const service = createInventoryService({
    serviceName: config.SERVICE_NAME,
    port: config.PORT,
    host: config.HOST,
    pool: database.pool,
    messagingPool: database.messagingPool,
    kafka,
    logger,
  });
  shutdown.register('inventory-service', () => service.stop());
  await service.start();
} catch (error) {
  logger.fatal({ err: error }, 'inventory-service failed to start');
  startFailed = true;
  await shutdown.shutdown('start failed');
}
