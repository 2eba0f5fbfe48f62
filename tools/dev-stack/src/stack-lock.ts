import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One stack at a time per checkout: a second `npm start` would fight the first over ports,
 * Kafka and PostgreSQL's data. The lock file holds the running launcher's process id; a file
 * left by a launcher that died is taken over.
 */
export function takeStackLock(file: string): { release(): void } {
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      throw new Error(
        `Orderflow is already running from this folder (process ${pid}). Stop it with Ctrl-C in its terminal, or: kill ${pid}`,
      );
    }
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${process.pid}\n`);
  return {
    release() {
      if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
