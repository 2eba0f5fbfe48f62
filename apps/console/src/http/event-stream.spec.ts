import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createHttpApp, createLogger, createMetrics } from '@orderflow/service';
import { waitFor } from '@orderflow/testing';
import { Router } from 'express';
import { createEventStream } from './event-stream.ts';

// The live stream on a real HTTP server, read over real sockets: one client that reads, and
// one that stops reading, as the tab of a laptop that went to sleep does.

const view = { padding: 'x'.repeat(100 * 1024) }; // about the size of one console view
const block = `data: ${JSON.stringify(view)}\n\n`.length;

async function serve(stream: ReturnType<typeof createEventStream>) {
  const routes = Router();
  routes.get('/api/stream', (request, response) => stream.open(request, response, undefined));
  // The console's HTTP shell: the cap's 503 becomes a problem document there.
  const app = createHttpApp({
    serviceName: 'console',
    logger: createLogger({ serviceName: 'console', level: 'silent' }),
    metrics: createMetrics({ serviceName: 'console' }),
    routes,
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/stream` };
}

const open = (url: string) =>
  new Promise<IncomingMessage>((resolve, reject) => httpRequest(url, resolve).on('error', reject).end());

describe('the live stream', () => {
  it('ends the stream of a client that stops reading before it holds more than its limit, and serves the others', async () => {
    const maxBehindBytes = 512 * 1024;
    const stream = createEventStream({ maxBehindBytes });
    const { server, url } = await serve(stream);
    try {
      const reading = await open(url);
      let received = 0;
      reading.on('data', (chunk: Buffer) => (received += chunk.length));
      const stalled = await open(url);
      stalled.pause(); // reads nothing more: the kernel's socket buffers fill, then the server's
      const stalledEnded = once(stalled.socket, 'close');

      let mostBehind = 0;
      for (let sent = 0; sent < 200 && stream.counts().dropped === 0; sent += 1) {
        stream.send(view);
        mostBehind = Math.max(mostBehind, stream.counts().mostBehindBytes);
        await nextTurn();
      }

      // The memory a stalled client costs is bounded: its limit plus the one view written last.
      expect(stream.counts()).toMatchObject({ open: 1, dropped: 1 });
      expect(mostBehind).toBeLessThanOrEqual(maxBehindBytes + block);
      // Woken up, the client reads what had reached it, then finds its stream ended.
      stalled.resume();
      await stalledEnded;
      const before = received;
      stream.send(view);
      await waitFor(async () => received >= before + block || undefined, {
        description: 'the reading client to get the next view',
      });
      reading.destroy();
    } finally {
      stream.close();
      server.close();
    }
  });

  it('refuses a stream past its cap with 503, and takes one again once a client leaves', async () => {
    const stream = createEventStream({ maxClients: 2 });
    const { server, url } = await serve(stream);
    try {
      const first = await open(url);
      await open(url);
      const refused = await open(url);
      expect(refused.statusCode).toBe(503);
      refused.resume();

      first.destroy();
      await waitFor(async () => stream.counts().open === 1 || undefined, { description: 'the first stream to close' });
      expect((await open(url)).statusCode).toBe(200);
    } finally {
      stream.close();
      server.close();
    }
  });
});
