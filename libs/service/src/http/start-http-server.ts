import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface HttpServer {
  /** The port listened on (the real one when 0 was asked for). */
  readonly port: number;
  readonly url: string;
  /**
   * Stops accepting connections, lets requests in flight finish (up to `graceMs`), then closes
   * what is left. Keep-alive connections that sit idle are closed at once.
   */
  stop(): Promise<void>;
}

export async function startHttpServer(
  app: Express,
  { port, host = '0.0.0.0', graceMs = 10_000 }: { port: number; host?: string; graceMs?: number },
): Promise<HttpServer> {
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actualPort}`,
    stop: () => closeServer(server, graceMs),
  };
}

function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close((error) => {
      clearTimeout(force);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
