/** One process of the stack: which app, under which name, on which port. */
export type ServiceProcessSpec = {
  /** The folder under apps/: order-service, inventory-service, notification-service or console. */
  readonly app: string;
  /** How logs and messages name it: the app, plus `#n` when there are several instances. */
  readonly label: string;
  /** 1 for the first instance of an app. */
  readonly instance: number;
  readonly port: number;
};

export type StackShape = {
  /** Instances of inventory-service: one consumer group, sharing the topic's 6 partitions. */
  readonly inventory: number;
  /** Instances of notification-service, likewise. */
  readonly notification: number;
  /** Also the console (apps/console), the live view in a browser: `npm start` runs it, the tests only where they need it. */
  readonly console?: boolean;
};

/** The standard ports: order-service 3000, inventory 3001, notification 3002, console 3003. */
export const standardPorts = {
  'order-service': 3000,
  'inventory-service': 3001,
  'notification-service': 3002,
  console: 3003,
} as const;

/**
 * The processes of the stack. More instances of a consumer take the next ports ten apart
 * (inventory-service#2 on 3011, #3 on 3021), so every instance's /status can be curled.
 * `portFor` overrides the ports (the tests pick free ones).
 */
export function planStack(
  shape: StackShape,
  portFor?: (app: string, instance: number) => number,
): ServiceProcessSpec[] {
  const processes = (app: keyof typeof standardPorts, count: number): ServiceProcessSpec[] =>
    Array.from({ length: count }, (_, index) => ({
      app,
      label: count > 1 ? `${app}#${index + 1}` : app,
      instance: index + 1,
      port: portFor ? portFor(app, index + 1) : standardPorts[app] + 10 * index,
    }));
  return [
    ...processes('order-service', 1),
    ...processes('inventory-service', shape.inventory),
    ...processes('notification-service', shape.notification),
    ...processes('console', shape.console ? 1 : 0),
  ];
}

/**
 * The ports of `npm start -- --base-port=4000`: the standard layout moved, order-service on the
 * base port (4000), inventory-service on base + 1, its second instance on base + 11, and so on.
 */
export function portsFrom(basePort: number): (app: string, instance: number) => number {
  const first = standardPorts['order-service'];
  return (app, instance) => basePort + (standardPorts[app as keyof typeof standardPorts] - first) + 10 * (instance - 1);
}

/** `--inventory=3 --notification=2` → the shape, with a clear error for anything else. */
export function parseStackShape(values: {
  inventory?: string | undefined;
  notification?: string | undefined;
}): StackShape {
  const count = (name: string, value: string | undefined) => {
    if (value === undefined) return 1;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 6) {
      // More instances than partitions would leave some idle: the group has 6 partitions to share.
      throw new Error(`--${name} must be a whole number from 1 to 6 (the topic has 6 partitions); got "${value}"`);
    }
    return parsed;
  };
  return { inventory: count('inventory', values.inventory), notification: count('notification', values.notification) };
}
