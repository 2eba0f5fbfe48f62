/**
 * Broker settings every Orderflow cluster shares: the local one started by this tool and the
 * three `apache/kafka` containers of docker-compose.yml (a test reads the compose file and
 * checks it against this table, so the two cannot drift apart).
 *
 * Each line is a lesson:
 * - `default.replication.factor=3`: every partition lives on all three brokers.
 * - `min.insync.replicas=2`: with acks=all a write succeeds only when at least two replicas
 *   have it, so one broker may die without losing an acknowledged write, and a second failure
 *   stops writes (NotEnoughReplicas) instead of silently weakening the guarantee.
 * - `auto.create.topics.enable=false`: topics are created on purpose, by the admin API, with
 *   their partitions and config, never by a typo in a producer.
 * - The internal topics (consumer offsets, transaction state) get the same replication.
 * - `group.initial.rebalance.delay.ms` is short so consumer groups form quickly in dev and tests
 *   (production clusters keep the 3 s default to let a group's members join together).
 */
export const BROKER_DEFAULTS: Readonly<Record<string, string>> = Object.freeze({
  'num.partitions': '6',
  'default.replication.factor': '3',
  'min.insync.replicas': '2',
  'auto.create.topics.enable': 'false',
  'offsets.topic.replication.factor': '3',
  'transaction.state.log.replication.factor': '3',
  'transaction.state.log.min.isr': '2',
  'group.initial.rebalance.delay.ms': '100',
});
