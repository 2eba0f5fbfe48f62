import { headerNames } from '@orderflow/events';
import type { KafkaMessage } from 'kafkajs';
import type { ConsumerRunnerSettings } from './consumer-runner-options.ts';
import type { ConsumerStatus } from './consumer-status.ts';
import type { RecordPosition, RunnerEventEmitter } from './runner-events.ts';

/** A record as kafkajs delivered it, with where it came from. */
export type RecordAt = { readonly topic: string; readonly partition: number; readonly message: KafkaMessage };

/**
 * What the runner's parts share: its settings, where they report what happens (its events),
 * and its lifecycle state, read from the status those events keep. No part writes state.
 */
export type RunnerContext = {
  readonly groupId: string;
  readonly settings: ConsumerRunnerSettings;
  readonly events: RunnerEventEmitter;
  readonly state: () => ConsumerStatus['state'];
};

export const positionOf = ({ topic, partition, message }: RecordAt): RecordPosition => ({
  topic,
  partition,
  offset: message.offset,
});

export const recordLabel = ({ topic, partition, message }: RecordAt) => `${topic}[${partition}]@${message.offset}`;

/** The event type a record's header names, for metrics and logs; `unknown` when it has none. */
export function eventTypeOf({ message }: RecordAt): string {
  const header = message.headers?.[headerNames.eventType];
  const value = Array.isArray(header) ? header[0] : header;
  return value === undefined ? 'unknown' : value.toString();
}
