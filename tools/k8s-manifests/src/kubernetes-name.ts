import { createHash } from 'node:crypto';

// A DNS-1123 subdomain: what `metadata.name` must be for most kinds, KafkaTopic included.
const dnsLabel = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dnsSubdomain = new RegExp(`^${dnsLabel}(\\.${dnsLabel})*$`);

export function isKubernetesName(name: string): boolean {
  return name.length <= 253 && dnsSubdomain.test(name);
}

/**
 * A resource name for a Kafka topic: the topic's own name when Kubernetes allows it (all of
 * ours), else a lower-case look-alike with a hash of the real name, which then goes into the
 * KafkaTopic's `spec.topicName`. The hash keeps `Orders` and `orders` apart.
 */
export function resourceNameForTopic(topicName: string): string {
  if (isKubernetesName(topicName)) return topicName;
  const hash = createHash('sha256').update(topicName).digest('hex').slice(0, 10);
  const lookAlike = topicName
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/[.-]*\.[.-]*/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 200);
  const name = `${lookAlike}-${hash}`;
  return isKubernetesName(name) ? name : `topic-${hash}`;
}
