import { queryOnce } from '@orderflow/service';
import { waitFor } from '@orderflow/testing';
import { checkScenario, type ScenarioReport } from './checker.ts';
import { allReady, type FaultStack } from './fault-stack.ts';
import { loadFor, times } from './fault-form.ts';
import { startLoad, type SentRequest } from './load-driver.ts';

export type Scenario = {
  readonly name: string;
  readonly faultStack: FaultStack;
  /** Load before the fault starts. */
  readonly warmUpMs: number;
  /** The fault: it runs under load and returns once it has healed (or been healed). `sku`: the product the load orders. */
  fault(load: { readonly sku: string }): Promise<void>;
  /** Load after the fault. */
  readonly coolDownMs: number;
  /** Units of the scenario's product (80 in the short form, 400 in the long): fewer than the orders, so some are confirmed and the rest rejected. */
  readonly units?: number;
  readonly ratePerSecond?: number;
  /** Where the load sends its orders, asked before each request. Default: the first order-service instance. */
  readonly orderServiceUrl?: () => string;
};

/**
 * One fault scenario, the way replication tests and Jepsen-style checkers do it: drive load
 * through the REST API, inject the fault, let the system settle, then let an independent
 * checker compare what the clients were told with what the topics and databases hold.
 */
export async function runScenario(scenario: Scenario): Promise<ScenarioReport> {
  const { faultStack } = scenario;
  const sku = await faultStack.newProduct(scenario.units ?? times(80, 400));
  const deadLettersBefore = await faultStack.deadLetters();
  const load = startLoad({
    orderServiceUrl: scenario.orderServiceUrl ?? faultStack.orderServiceUrl,
    sku,
    ratePerSecond: scenario.ratePerSecond ?? times(8, 20),
  });
  let requests: SentRequest[];
  let faultMs = 0;
  try {
    await loadFor(scenario.warmUpMs);
    const faultStarted = Date.now();
    await scenario.fault({ sku });
    faultMs = Date.now() - faultStarted;
    await loadFor(scenario.coolDownMs);
  } finally {
    requests = await load.stop();
  }
  const settleStarted = Date.now();
  await allReady(faultStack);
  await settle(faultStack, requests);
  const settleMs = Date.now() - settleStarted;
  const report = await checkScenario({
    scenario: scenario.name,
    kafka: faultStack.kafka,
    databaseUrls: faultStack.stack.databaseUrls,
    requests,
    sku,
    deadLettered: (await faultStack.deadLetters()) - deadLettersBefore,
  });
  const { problems, ...counts } = report;
  console.log(
    `fault scenario ${JSON.stringify({ ...counts, faultSeconds: faultMs / 1000, settleSeconds: settleMs / 1000 })}${problems.length ? `\n  ${problems.slice(0, 20).join('\n  ')}` : ''}`,
  );
  return report;
}

/**
 * Waits until every order that exists has reached a final status and has its two
 * notifications (received, then confirmed or rejected). If that never happens, the checker
 * says what is missing: the wait gives up quietly after two minutes.
 */
async function settle(faultStack: FaultStack, requests: readonly SentRequest[]): Promise<void> {
  const customerIds = requests.filter((request) => request.outcome !== 'refused').map((request) => request.customerId);
  const count = async (app: string, sql: string) =>
    Number(
      (await queryOnce<{ count: string }>(faultStack.stack.databaseUrls.get(app) ?? '', sql, [customerIds]))[0]?.count,
    );
  await waitFor(
    async () => {
      const pending = await count(
        'order-service',
        `SELECT count(*) FROM orders WHERE customer_id = ANY($1::uuid[]) AND status = 'PENDING'`,
      );
      const orders = await count('order-service', 'SELECT count(*) FROM orders WHERE customer_id = ANY($1::uuid[])');
      const notified = await count(
        'notification-service',
        'SELECT count(*) FROM notifications WHERE customer_id = ANY($1::uuid[])',
      );
      return pending === 0 && notified >= 2 * orders;
    },
    { description: 'every order final and notified', timeoutMs: 120_000, intervalMs: 1_000 },
  ).catch(() => undefined);
}

/** The assertions every scenario makes: nothing lost, nothing twice, nothing out of order, no ghosts. */
export function expectSound(report: ScenarioReport, expected: { deadLettered?: number } = {}): void {
  const { problems, ...counts } = report;
  expect({ ...counts, problems: problems.slice(0, 10) }).toMatchObject({
    lost: 0,
    appliedTwice: 0,
    outOfOrder: 0,
    ghosts: 0,
    // A dependency that fails (database, Kafka) is a 503 and a retry, never a 500.
    internalErrors: 0,
    deadLettered: expected.deadLettered ?? 0,
    problems: [],
  });
  // The scenario did carry load: orders were acknowledged and reached both outcomes' checks.
  expect(report.acknowledged).toBeGreaterThan(0);
}
