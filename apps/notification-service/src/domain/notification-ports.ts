import type { Notification } from './notification.ts';

// The ports the use cases need; persistence/ implements them on PostgreSQL.

export type NotificationFilter = {
  readonly orderId?: string | undefined;
  readonly customerId?: string | undefined;
  readonly limit: number;
  readonly offset: number;
};

/** Writes, on the transaction of the event being handled. */
export interface NotificationRepository {
  /**
   * Stores them, except those whose event has a notification already (nothing changes for
   * those); returns the event ids (lower case) of the ones stored.
   */
  insertMany(notifications: readonly Notification[]): Promise<ReadonlySet<string>>;
}

export interface NotificationQueries {
  findById(id: string): Promise<Notification | undefined>;
  /** In the order the events happened: occurredAt, then the order they were recorded in. */
  list(filter: NotificationFilter): Promise<Notification[]>;
}
