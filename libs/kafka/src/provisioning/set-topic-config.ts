import type { Kafka } from 'kafkajs';
import kafkajs from 'kafkajs';
import { ConfigResourceTypes, IncrementalAlterConfigOperationTypes } from '@platformatic/kafka';
import { kafkaConnectionOf } from '../client/kafka-client.ts';
import { platformaticAdmin } from '../client/platformatic-admin.ts';
import { alterConfigsFullSet } from '../kafkajs-workarounds/alter-configs-full-set.ts';

type ConfigEntry = { readonly name: string; readonly value: string };

/**
 * Sets some config entries of a topic, and only those, with IncrementalAlterConfigs (KIP-339,
 * every broker since Kafka 2.3). The older AlterConfigs, the only one kafkajs 2.2.4 speaks,
 * replaces a topic's whole config: the caller reads the config, merges, and writes it all back,
 * so a change made in between (an operator's `kafka-configs --alter`, another service
 * provisioning at the same moment) is silently undone.
 *
 * The incremental call goes through @platformatic/kafka's admin, connected as the service's
 * kafkajs client is. A kafkajs client made elsewhere (its settings unknown here) falls back
 * to the full set, read-modify-write.
 */
export async function setTopicConfig(
  kafka: Kafka,
  topic: string,
  entries: readonly ConfigEntry[],
  currentOverrides: Readonly<Record<string, string>> | undefined,
): Promise<void> {
  const connection = kafkaConnectionOf(kafka);
  if (connection === undefined) return setFullConfig(kafka, topic, alterConfigsFullSet(currentOverrides, entries));
  const admin = platformaticAdmin(connection);
  try {
    await admin.incrementalAlterConfigs({ resources: [setOperations(topic, entries)] });
  } finally {
    await admin.close();
  }
}

/** The request's one resource: SET each entry, touch nothing else. */
export function setOperations(topic: string, entries: readonly ConfigEntry[]) {
  return {
    resourceType: ConfigResourceTypes.TOPIC,
    resourceName: topic,
    configs: entries.map(({ name, value }) => ({
      name,
      configOperation: IncrementalAlterConfigOperationTypes.SET,
      value,
    })),
  };
}

async function setFullConfig(kafka: Kafka, topic: string, configEntries: { name: string; value: string }[]) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: kafkajs.ConfigResourceTypes.TOPIC, name: topic, configEntries }],
    });
  } finally {
    await admin.disconnect();
  }
}
