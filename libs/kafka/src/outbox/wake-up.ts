/**
 * A sleep that can be cut short: the relay waits for the poll interval, unless a NOTIFY (a
 * new outbox row) or stop() wakes it first. A wake-up with nobody waiting is kept for the
 * next wait, so a row added while the relay was busy publishing is not slept past.
 */
export type WakeUp = {
  wait(ms: number): Promise<void>;
  wake(): void;
};

export function createWakeUp(): WakeUp {
  let pending = false;
  let wakeWaiter: (() => void) | undefined;
  return {
    wait(ms) {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeWaiter = undefined;
          resolve();
        }
        wakeWaiter = done;
      });
    },
    wake() {
      if (wakeWaiter) wakeWaiter();
      else pending = true;
    },
  };
}
