import { setTimeout as delay } from 'node:timers/promises';
import type { BenchRow } from '../bench-row.ts';
import type { BenchSettings } from '../bench-settings.ts';
import type { BenchStack } from '../bench-stack.ts';
import { connectionsFor, loadOrders } from './order-load.ts';
import { usageDuring, type Usage } from './process-usage.ts';

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/**
 * What the console costs, with one browser tab watching (an open /api/stream, read and thrown
 * away): its CPU and peak memory at idle, then while orders arrive at `consoleLoadRate`/s.
 */
export async function consoleCost(
  stack: BenchStack,
  skus: readonly string[],
  settings: BenchSettings,
): Promise<BenchRow[]> {
  const tab = new AbortController();
  const stream = await fetch(`${stack.consoleUrl}/api/stream`, { signal: tab.signal });
  let streamedBytes = 0;
  const reading = (async () => {
    for await (const chunk of stream.body ?? []) streamedBytes += (chunk as Uint8Array).byteLength;
  })().catch(() => {});
  try {
    const pause = () => delay(settings.consoleSeconds * 1000);
    const idle = await usageDuring(stack.consolePid, pause);
    const idleStreamed = streamedBytes;
    const rate = settings.consoleLoadRate;
    const loaded = await usageDuring(stack.consolePid, () =>
      loadOrders({
        url: stack.orderServiceUrl,
        skus,
        connections: connectionsFor(rate),
        seconds: settings.consoleSeconds,
        ratePerSecond: rate,
      }),
    );
    const perSecond = (bytes: number) => `${(bytes / settings.consoleSeconds / 1024).toFixed(0)} KB/s to the tab`;
    return [
      row('console-idle', 'console at idle, one tab watching: CPU of one core', idle, perSecond(idleStreamed)),
      row(
        'console-load',
        `console at ${rate} orders/s, one tab watching: CPU of one core`,
        loaded,
        perSecond(streamedBytes - idleStreamed),
      ),
    ];
  } finally {
    tab.abort();
    await reading;
  }
}

function row(key: string, measure: string, usage: Usage, streamed: string): BenchRow {
  return {
    key,
    measure,
    value: usage.cpuPercent,
    unit: '%',
    detail: `peak RSS ${megabytes(usage.peakResidentBytes)}; ${streamed}`,
  };
}
