import { Socket } from 'node:net';

/**
 * Whether a broker's port accepts a TCP connection within `timeoutMs`. A stopped broker
 * refuses at once; a paused one (SIGSTOP) never answers and times out. The cluster metadata
 * alone would notice a crashed broker only after its session times out (seconds later).
 */
export function canConnect(address: string, timeoutMs: number): Promise<boolean> {
  const at = address.lastIndexOf(':');
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(address.slice(at + 1)), address.slice(0, at), () => done(true));
  });
}
