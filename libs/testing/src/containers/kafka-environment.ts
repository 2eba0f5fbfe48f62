/**
 * server.properties entries as the environment of an `apache/kafka` container: the image
 * turns every KAFKA_* variable into one entry (drop the prefix, lowercase, `_` → `.`,
 * `__` → `-`, `___` → `_`). This is the inverse.
 */
export function kafkaEnvironment(properties: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [
      `KAFKA_${key.replaceAll('_', '___').replaceAll('-', '__').replaceAll('.', '_').toUpperCase()}`,
      value,
    ]),
  );
}
