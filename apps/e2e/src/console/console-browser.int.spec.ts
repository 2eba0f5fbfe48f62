import { localTestCluster, restoreTestCluster } from '@orderflow/testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from '../spec-helpers/chromium.ts';
import { startRunningStack, type RunningStack } from '../spec-helpers/running-stack.ts';

type LocalKafkaCluster = Awaited<ReturnType<typeof localTestCluster>>;

// The console in a real Chromium, on one running stack: order-service, three inventory-service
// instances, notification-service and the console, each its own process. Each test saves a
// screenshot under apps/e2e/test-artifacts/console/.

describe('the Orderflow Console in a browser', () => {
  let cluster: LocalKafkaCluster;
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;

  /** Waits until exactly `count` elements match the CSS selector (the page updates every second). */
  const waitForCount = (selector: string, count: number, timeoutMs = 30_000) =>
    page.waitForFunction(
      ({ css, expected }) => document.querySelectorAll(css).length === expected,
      { css: selector, expected: count },
      { timeout: timeoutMs, polling: 100 },
    );

  beforeAll(async () => {
    cluster = await localTestCluster();
    // Both at once; whichever did start is stopped in afterAll even if the other failed.
    const [started, launched] = await Promise.allSettled([
      startRunningStack({ inventory: 3, notification: 1, console: true }),
      launchChromium(),
    ]);
    if (started.status === 'fulfilled') stack = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const result of [started, launched]) if (result.status === 'rejected') throw result.reason;
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(stack.urlOf('console'));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stack.stop();
    if (cluster) await restoreTestCluster(cluster);
  });

  it('lists 3 brokers, all up, and a KRaft quorum of 3 voters with one leader', async () => {
    await waitForCount('[data-testid=brokers] tr[data-state=up]', 3);
    await waitForCount('[data-testid=quorum] tr[data-voter]', 3);
    const leader = await page.getAttribute('[data-testid=quorum]', 'data-leader');

    expect(['1', '2', '3']).toContain(leader);
    await screenshot(page, '01-cluster-and-quorum');
  });

  it('shows 3 inventory-service instances with 2 partitions each; after one stops, the rebalance and 2 with 3 each', async () => {
    const members = '[data-group=inventory-service] tr[data-member]';
    await waitForCount(`${members}[data-partitions="2"]`, 3, 60_000);
    const names = await page.$$eval(members, (rows) => rows.map((row) => row.getAttribute('data-member')));
    expect(names).toEqual(['inventory-service#1', 'inventory-service#2', 'inventory-service#3']);

    await stack.stack.process('inventory-service#3').stop();

    await waitForCount(
      '[data-testid=rebalance][data-group=inventory-service][data-left="inventory-service#3"]',
      1,
      60_000,
    );
    await waitForCount(`${members}[data-partitions="3"]`, 2, 60_000);
    expect(await page.$$eval(members, (rows) => rows.length)).toBe(2);
    await screenshot(page, '02-groups-and-rebalance');
  });

  it('places an order from the page, lists its events with key and partition, and follows it: placed → reserved → confirmed', async () => {
    await page.click('#place-order button[type=submit]');
    await page.waitForSelector('#placed[data-order-id]');
    const orderId = (await page.getAttribute('#placed', 'data-order-id')) ?? '';

    const saga = await page.waitForFunction(
      () => {
        const types = [...document.querySelectorAll('[data-testid=saga] li')].map((step) =>
          step.getAttribute('data-event-type'),
        );
        return types.includes('OrderConfirmedEvent') ? types : false;
      },
      undefined,
      { timeout: 60_000, polling: 200 },
    );
    expect(((await saga.jsonValue()) as string[]).slice(0, 3)).toEqual([
      'OrderPlacedEvent',
      'StockReservedEvent',
      'OrderConfirmedEvent',
    ]);
    await page.locator('#follow-section').scrollIntoViewIfNeeded();
    await screenshot(page, '03-follow-an-order');

    await page.fill('#key', orderId);
    await page.click('#key-filter button[type=submit]');
    // placed and confirmed on orders, reserved on inventory
    await waitForCount(`[data-testid=records] tr[data-record-key="${orderId}"]`, 3);
    const rows = await page.$$eval(`[data-testid=records] tr[data-record-key="${orderId}"]`, (found) =>
      found.map((row) => [
        row.children[0]?.textContent,
        row.getAttribute('data-partition'),
        row.getAttribute('data-event-type'),
      ]),
    );
    // The key decides the partition: all of the order's events on one partition of each topic, in order.
    const ordersRows = rows.filter(([topic]) => topic === 'orders');
    expect(new Set(ordersRows.map(([, partition]) => partition)).size).toBe(1);
    expect(ordersRows.map(([, , type]) => type).slice(0, 2)).toEqual(['OrderPlacedEvent', 'OrderConfirmedEvent']);
    await page.locator('#events-section').scrollIntoViewIfNeeded();
    await screenshot(page, '04-events-by-key');
  });

  it('shows a stopped broker down within 5 s, and new leaders for the partitions it led', async () => {
    // The broker that leads orders[0] now, as the page shows it: after the earlier suites'
    // restarts the leaders need not sit on their preferred brokers, so no broker id is assumed.
    const victim = Number(await page.getAttribute('tr[data-topic=orders][data-partition="0"]', 'data-leader'));
    expect(victim).toBeGreaterThan(0);
    const ledByVictim = await page.$$eval(`tr[data-topic=orders][data-leader="${victim}"]`, (rows) =>
      rows.map((row) => row.getAttribute('data-partition')),
    );
    expect(ledByVictim.length).toBeGreaterThan(0);

    await cluster.stopBroker(victim);
    const stoppedAt = Date.now();
    await page.waitForSelector(`[data-testid=brokers] tr[data-broker="${victim}"][data-state=down]`, {
      timeout: 5_000,
    });
    const downAfterMs = Date.now() - stoppedAt;

    expect(downAfterMs).toBeLessThan(5_000);
    for (const partition of ledByVictim) {
      await page.waitForFunction(
        ({ id, stopped }) => {
          const leader = document
            .querySelector(`tr[data-topic=orders][data-partition="${id}"]`)
            ?.getAttribute('data-leader');
          return leader !== undefined && leader !== null && leader !== String(stopped) && leader !== '-1';
        },
        { id: partition, stopped: victim },
        { timeout: 30_000 },
      );
    }
    await page.locator('#cluster-section').scrollIntoViewIfNeeded();
    await screenshot(page, '05-broker-down');
  });
});
