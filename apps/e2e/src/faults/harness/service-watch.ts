import type { ServiceProcess, Stack } from '@orderflow/dev-stack';

export type ServiceWatch = {
  /** Fails unless every watched process still runs and none was replaced by a new one. */
  expectAllStillRunning(): void;
};

/**
 * Watches the service processes running now. A fault that must not take a process down
 * (a dropped database connection, a frozen peer) is checked by the processes themselves:
 * each is still running, with the same pid, and the stack started no other in its place.
 */
export function watchServices(stack: Stack, output: readonly string[]): ServiceWatch {
  const watched = stack.services.filter((service) => service.running());
  const exits = new Map<ServiceProcess, string>();
  for (const service of watched) void service.exited.then((how) => exits.set(service, how));
  const stateOf = (service: ServiceProcess) => {
    const exit = exits.get(service);
    if (exit) return `${exit}; its last lines:\n${lastLines(output, service.spec.label)}`;
    if (!service.running()) return 'is not running';
    return stack.process(service.spec.label) === service ? 'runs' : 'was replaced by a new process';
  };
  return {
    expectAllStillRunning() {
      const states = watched.map((service) => `${service.spec.label} (pid ${service.pid}) ${stateOf(service)}`);
      expect(states).toEqual(watched.map((service) => `${service.spec.label} (pid ${service.pid}) runs`));
    },
  };
}

function lastLines(output: readonly string[], label: string): string {
  return output
    .filter((line) => line.startsWith(`${label} | `))
    .slice(-40)
    .join('\n');
}
