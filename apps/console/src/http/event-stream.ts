import type { Request, Response } from 'express';

/**
 * Server-sent events: one long HTTP response per browser tab, to which the console writes
 * `data: <json>` blocks. Plain HTTP (the browser's EventSource reconnects by itself), one way,
 * which is all a read-only view needs.
 */
export function createEventStream() {
  const clients = new Set<Response>();

  return {
    /** The route: opens a stream and sends `first` at once, so a new tab does not wait for the next refresh. */
    open(request: Request, response: Response, first: unknown): void {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      if (first !== undefined) response.write(`data: ${JSON.stringify(first)}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    send(data: unknown): void {
      if (clients.size === 0) return;
      const block = `data: ${JSON.stringify(data)}\n\n`;
      for (const client of clients) client.write(block);
    },
    /** Ends every stream: the HTTP server's graceful stop would otherwise wait for them. */
    close(): void {
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}

export type EventStream = ReturnType<typeof createEventStream>;
