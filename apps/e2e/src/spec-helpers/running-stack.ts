import {
  planStack,
  startStack,
  type ServiceProcessSpec,
  type Stack,
  type StackOptions,
  type StackShape,
} from '@orderflow/dev-stack';
import { findFreePort } from '@orderflow/service';
import { requestJson, testCluster, waitFor } from '@orderflow/testing';

export type RunningStack = {
  readonly stack: Stack;
  /** The base URL of the first instance of an app. */
  urlOf(app: 'order-service' | 'inventory-service' | 'notification-service' | 'console'): string;
  /** What the services printed, labelled, for a failing test to show. */
  readonly output: readonly string[];
};

/**
 * The real system as `npm start` runs it, each service its own Node.js process, on the test
 * run's Kafka cluster, a fresh embedded PostgreSQL and free ports. The services use the
 * catalogue's real topic and group names: the test cluster's other suites use unique ones.
 */
export async function startRunningStack(
  shape: StackShape,
  options: Pick<StackOptions, 'kafkaLoginFor'> = {},
): Promise<RunningStack> {
  const { brokers } = await testCluster();
  const processes = await planOnFreePorts(shape);
  const output: string[] = [];
  const stack = await startStack({
    ...options,
    processes,
    brokers,
    output: (line) => output.push(line),
    logLevel: 'warn',
  });
  return {
    stack,
    output,
    urlOf: (app) => stack.services.find((service) => service.spec.app === app)?.url ?? '',
  };
}

/** The processes of `shape`, each on a port that is free now (a test run never takes 3000-3002). */
export async function planOnFreePorts(shape: StackShape): Promise<ServiceProcessSpec[]> {
  const ports = new Map<string, number>();
  for (const { label } of planStack(shape)) ports.set(label, await findFreePort());
  return planStack(shape).map((spec) => ({ ...spec, port: ports.get(spec.label) ?? 0 }));
}

/** Polls until the order has the status; returns the order. */
export function orderReaches(
  stack: Pick<RunningStack, 'urlOf'>,
  orderId: string,
  status: string,
): Promise<Record<string, unknown>> {
  return waitFor(
    async () => {
      const { body } = await requestJson(`${stack.urlOf('order-service')}/orders/${orderId}`);
      return body['status'] === status ? body : undefined;
    },
    { description: `order ${orderId} to be ${status}`, timeoutMs: 60_000 },
  );
}

/** The kinds of an order's notifications, in event order, once there are `count`. */
export function notificationKinds(
  stack: Pick<RunningStack, 'urlOf'>,
  orderId: string,
  count: number,
): Promise<string[]> {
  return waitFor(
    async () => {
      const { body } = await requestJson(`${stack.urlOf('notification-service')}/notifications?orderId=${orderId}`);
      const kinds = (body['notifications'] as { kind: string }[]).map((notification) => notification.kind);
      return kinds.length >= count ? kinds : undefined;
    },
    { description: `${count} notifications for order ${orderId}`, timeoutMs: 60_000 },
  );
}
