import { parseStackShape, planStack, portsFrom } from './stack-plan.ts';

describe('planning the stack', () => {
  it('runs one process per service on the standard ports by default', () => {
    expect(planStack({ inventory: 1, notification: 1 })).toEqual([
      { app: 'order-service', label: 'order-service', instance: 1, port: 3000 },
      { app: 'inventory-service', label: 'inventory-service', instance: 1, port: 3001 },
      { app: 'notification-service', label: 'notification-service', instance: 1, port: 3002 },
    ]);
  });

  it('numbers several instances of a consumer and gives each its own port, ten apart', () => {
    const inventory = planStack({ inventory: 3, notification: 1 }).filter((spec) => spec.app === 'inventory-service');

    expect(inventory.map(({ label, port }) => [label, port])).toEqual([
      ['inventory-service#1', 3001],
      ['inventory-service#2', 3011],
      ['inventory-service#3', 3021],
    ]);
  });

  it('adds the console on 3003 when asked to, as npm start does', () => {
    expect(planStack({ inventory: 1, notification: 1, console: true }).at(-1)).toEqual({
      app: 'console',
      label: 'console',
      instance: 1,
      port: 3003,
    });
  });

  it('takes the ports a caller picks (the tests use free ones)', () => {
    const ports = planStack(
      { inventory: 2, notification: 1 },
      (app, instance) => 40_000 + app.length * 10 + instance,
    ).map((spec) => spec.port);

    expect(ports).toEqual([40_131, 40_171, 40_172, 40_201]);
  });

  it('moves the standard layout to another base port, keeping the offsets', () => {
    const ports = planStack({ inventory: 2, notification: 1 }, portsFrom(4000)).map(({ label, port }) => [label, port]);

    expect(ports).toEqual([
      ['order-service', 4000],
      ['inventory-service#1', 4001],
      ['inventory-service#2', 4011],
      ['notification-service', 4002],
    ]);
  });

  it('reads --inventory and --notification, one instance each when absent', () => {
    expect(parseStackShape({ inventory: '3' })).toEqual({ inventory: 3, notification: 1 });
  });

  it.each(['0', '7', '2.5', 'three'])('refuses --inventory=%s, saying what is allowed and why', (value) => {
    expect(() => parseStackShape({ inventory: value })).toThrow(
      '--inventory must be a whole number from 1 to 6 (the topic has 6 partitions)',
    );
  });
});
