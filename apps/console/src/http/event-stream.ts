import { HttpError } from '@orderflow/service';
import type { Request, Response } from 'express';

export type EventStreamOptions = {
  /** Streams open at once; one more is refused (503) rather than costing memory. */
  readonly maxClients?: number;
  /** Bytes written to a stream and not yet taken by its client; past this, the client is dropped. */
  readonly maxBehindBytes?: number;
};

export const eventStreamDefaults = {
  maxClients: 20,
  maxBehindBytes: 1024 * 1024,
} satisfies Required<EventStreamOptions>;

/**
 * Server-sent events: one long HTTP response per browser tab, to which the console writes
 * `data: <json>` blocks. Plain HTTP (the browser's EventSource reconnects by itself), one way,
 * which is all a read-only view needs.
 *
 * A tab that stops reading (a sleeping laptop, a paused debugger) does not make the console
 * buffer for it: every view it does not take stays in this process's memory, 50-100 KB a
 * second. Once it is `maxBehindBytes` behind, its stream is ended; its EventSource reconnects
 * when it wakes and gets the current view. And the number of streams is capped.
 */
export function createEventStream(options: EventStreamOptions = {}) {
  const { maxClients, maxBehindBytes } = { ...eventStreamDefaults, ...options };
  const clients = new Set<Response>();
  let dropped = 0;

  const drop = (client: Response) => {
    clients.delete(client);
    dropped += 1;
    client.destroy();
  };

  return {
    /** The route: opens a stream and sends `first` at once, so a new tab does not wait for the next refresh. */
    open(request: Request, response: Response, first: unknown): void {
      if (clients.size >= maxClients)
        throw new HttpError(503, `${maxClients} live views are open already; close one, or try again later.`, {
          code: 'TOO_MANY_VIEWERS',
        });
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      // The headers go now: before the first view exists, the browser still sees the stream open.
      response.flushHeaders();
      if (first !== undefined) response.write(`data: ${JSON.stringify(first)}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    send(data: unknown): void {
      if (clients.size === 0) return;
      const block = `data: ${JSON.stringify(data)}\n\n`;
      for (const client of clients) {
        // writableLength: what this stream holds that the client has not taken yet.
        if (client.writableLength > maxBehindBytes) drop(client);
        else client.write(block);
      }
    },
    /** Streams open now, streams ended because their client fell behind, and the most bytes one holds now. */
    counts: () => ({
      open: clients.size,
      dropped,
      mostBehindBytes: Math.max(0, ...[...clients].map((client) => client.writableLength)),
    }),
    /** Ends every stream: the HTTP server's graceful stop would otherwise wait for them. */
    close(): void {
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}

export type EventStream = ReturnType<typeof createEventStream>;
