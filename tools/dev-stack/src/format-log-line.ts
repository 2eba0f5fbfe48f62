/** pino's numeric levels, as words. */
const levelNames: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/**
 * One line a service printed, made readable for a terminal: the services log JSON (one object
 * per line, for machines), the stack shows `time LEVEL message` behind the service's label.
 * Lines that are not JSON (a warning from Node, say) are shown as they are.
 */
export function formatLogLine(label: string, line: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return `${label} | ${line}`;
  }
  if (typeof entry !== 'object' || entry === null || !('msg' in entry)) return `${label} | ${line}`;
  const { time, level, msg, err } = entry as {
    time?: number | string;
    level?: number | string;
    msg?: unknown;
    err?: { message?: string };
  };
  const clock = time === undefined ? '' : `${new Date(time).toISOString().slice(11, 23)} `;
  // pino writes the level as a number, or as a label when the logger is configured so.
  const levelName = (typeof level === 'string' ? level : (levelNames[level ?? 30] ?? String(level)))
    .toUpperCase()
    .padEnd(5);
  const error = err?.message && !String(msg).includes(err.message) ? ` (${err.message})` : '';
  return `${label} | ${clock}${levelName} ${String(msg)}${error}`;
}
