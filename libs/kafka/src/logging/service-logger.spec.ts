import { createLogger, type ServiceLogger } from '@orderflow/service';
import { logLevel } from 'kafkajs';
import { kafkaLogCreator } from './kafka-log-creator.ts';

describe('the service logger', () => {
  it('is the pino logger of @orderflow/service: kafkajs lines come out as its JSON lines', () => {
    const lines: string[] = [];
    const logger: ServiceLogger = createLogger({
      serviceName: 'inventory-service',
      destination: { write: (line) => lines.push(line) },
    });

    kafkaLogCreator(logger)(logLevel.INFO)({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: {
        timestamp: 'x',
        message: 'Response Metadata(key: 3, version: 6)',
        error: 'There is no leader for this topic-partition',
      },
    });

    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({
        level: 'warn',
        service: 'inventory-service',
        component: 'kafkajs',
        namespace: 'Connection',
        error: 'There is no leader for this topic-partition',
        msg: 'Response Metadata(key: 3, version: 6)',
      }),
    ]);
  });
});
