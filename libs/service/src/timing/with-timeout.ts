/**
 * `work` with a deadline. After `timeoutMs` the work's signal is aborted with the error that
 * `timedOut()` makes, and the returned promise rejects with it, whether or not the work heeds
 * the signal (a kafkajs call, say, takes none). The deadline's timer is cleared as soon as the
 * work settles: one attempt per record must not leave a timer behind per record.
 */
export async function withTimeout<T>(
  work: Promise<T> | ((signal: AbortSignal) => Promise<T>),
  timeoutMs: number,
  timedOut: () => Error,
): Promise<T> {
  const deadline = new AbortController();
  const expired = new Promise<never>((_, reject) => {
    deadline.signal.addEventListener('abort', () => reject(deadline.signal.reason as Error), { once: true });
  });
  const timer = setTimeout(() => deadline.abort(timedOut()), timeoutMs);
  try {
    return await Promise.race([typeof work === 'function' ? work(deadline.signal) : work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
