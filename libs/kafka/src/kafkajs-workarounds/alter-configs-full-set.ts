/**
 * kafkajs 2.2.4 speaks AlterConfigs only; it has no IncrementalAlterConfigs (KIP-339). Unlike
 * the incremental API, AlterConfigs replaces a topic's whole config: anything not sent falls
 * back to the broker default. So the set to send is the full one: what is set on the topic
 * now (an operator's segment.bytes, say), with the wanted values over it.
 */
export function alterConfigsFullSet(
  currentOverrides: Readonly<Record<string, string>> | undefined,
  wanted: readonly { name: string; value: string }[],
): { name: string; value: string }[] {
  const merged = { ...currentOverrides, ...Object.fromEntries(wanted.map(({ name, value }) => [name, value])) };
  return Object.entries(merged).map(([name, value]) => ({ name, value }));
}
