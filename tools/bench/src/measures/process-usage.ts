import { readFileSync } from 'node:fs';

// What one process costs, from Linux's /proc: no tool to install, nothing inside the process.
// (The bench runs where the local cluster runs: Linux.)

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on Linux x64. */
const ticksPerSecond = 100;

/** CPU time (user + system) the process has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat(5), so 12 and 13 of what follows the name.
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** The process's resident memory now, in bytes (VmRSS). */
export function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? Number.NaN) * 1024;
}

export type Usage = { readonly cpuPercent: number; readonly peakResidentBytes: number };

/** The process's CPU (percent of one core) and peak resident memory while `during` runs. */
export async function usageDuring(pid: number, during: () => Promise<unknown>): Promise<Usage> {
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  let peakResidentBytes = residentBytes(pid);
  const sampler = setInterval(() => (peakResidentBytes = Math.max(peakResidentBytes, residentBytes(pid))), 250);
  try {
    await during();
  } finally {
    clearInterval(sampler);
  }
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    cpuPercent: (100 * (cpuSeconds(pid) - cpuBefore)) / elapsedSeconds,
    peakResidentBytes: Math.max(peakResidentBytes, residentBytes(pid)),
  };
}
