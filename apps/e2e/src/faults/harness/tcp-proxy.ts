import { createConnection, createServer, type Socket } from 'node:net';

export type TcpProxy = {
  readonly port: number;
  /** The target becomes unreachable: open connections are cut, new ones refused. */
  cut(): void;
  /** Connections go through again. */
  restore(): void;
  stop(): Promise<void>;
};

/**
 * A TCP proxy on 127.0.0.1 in front of `targetPort`: a service connects through it, and a
 * test cuts the wire (a network partition to one database) without touching the server
 * that other services share.
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let cut = false;
  const server = createServer((incoming) => {
    if (cut) {
      incoming.destroy();
      return;
    }
    const outgoing = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        incoming.destroy();
        outgoing.destroy();
      });
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    cut() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      cut = false;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
