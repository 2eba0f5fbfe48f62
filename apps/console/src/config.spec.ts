import { loadConfig } from '@orderflow/service';
import { consoleConfig } from './config.ts';

const brokers = { KAFKA_BROKERS: '127.0.0.1:19092' };

describe("the console's configuration", () => {
  it('listens on 127.0.0.1:3003 and reads the standard ports of the three services by default', () => {
    const config = loadConfig(consoleConfig, brokers);

    expect({ host: config.HOST, port: config.PORT }).toEqual({ host: '127.0.0.1', port: 3003 });
    expect(config.CONSOLE_SERVICES.map(({ label }) => label)).toEqual([
      'order-service',
      'inventory-service',
      'notification-service',
    ]);
  });

  it('reads numbered instances from CONSOLE_SERVICES', () => {
    const config = loadConfig(consoleConfig, {
      ...brokers,
      CONSOLE_SERVICES: 'inventory-service#1=http://127.0.0.1:3001/, inventory-service#2=http://127.0.0.1:3011',
    });

    expect(config.CONSOLE_SERVICES).toEqual([
      { label: 'inventory-service#1', url: 'http://127.0.0.1:3001' },
      { label: 'inventory-service#2', url: 'http://127.0.0.1:3011' },
    ]);
  });

  it.each([
    ['inventory-service', 'expected label=http://host:port'],
    ['inventory-service=ftp://x:1', 'expected label=http://host:port'],
    ['a=http://x:1,a=http://x:2', 'each label once; "a" appears twice'],
  ])('refuses CONSOLE_SERVICES=%s, naming the variable', (value, message) => {
    expect(() => loadConfig(consoleConfig, { ...brokers, CONSOLE_SERVICES: value })).toThrow(/CONSOLE_SERVICES/);
    expect(() => loadConfig(consoleConfig, { ...brokers, CONSOLE_SERVICES: value })).toThrow(message);
  });

  it('serves loopback names only unless CONSOLE_ALLOWED_HOSTS names more', () => {
    expect(loadConfig(consoleConfig, brokers).CONSOLE_ALLOWED_HOSTS).toEqual([]);
    expect(
      loadConfig(consoleConfig, { ...brokers, CONSOLE_ALLOWED_HOSTS: 'console.example, 10.0.0.7' })
        .CONSOLE_ALLOWED_HOSTS,
    ).toEqual(['console.example', '10.0.0.7']);
  });
});
