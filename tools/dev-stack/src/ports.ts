import { createServer } from 'node:net';

/** Fails with a clear message if another program listens on one of the ports. */
export async function assertPortsFree(
  ports: readonly { readonly port: number; readonly label: string }[],
): Promise<void> {
  for (const { port, label } of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, () => server.close(() => resolve(true)));
    });
    if (!free) {
      throw new Error(
        `Port ${port}, for ${label}, is in use by another program (see: lsof -i :${port}). Stop that program, or free the port, and start again.`,
      );
    }
  }
}
