import { OrderflowError } from '@orderflow/events';

/**
 * A topic exists but differs from the catalogue in a way provisioning must not fix by
 * itself: more partitions on the cluster than the catalogue declares (Kafka cannot remove
 * partitions; keys would move) or another replication factor (a reassignment an operator
 * plans). Never retriable.
 */
export class TopicProvisioningError extends OrderflowError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Topic provisioning cannot fix these differences from the catalogue:\n- ${problems.join('\n- ')}`, {
      code: 'topic-mismatch',
      retriable: false,
    });
    this.problems = problems;
  }
}
