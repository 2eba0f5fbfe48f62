// The public API of @orderflow/events: the contracts of everything that flows through
// Kafka. Other projects import only what this file exports.

// Errors: the project's one error base class, its closed code unions, and the contract errors.
export {
  OrderflowError,
  type ErrorCode,
  type HttpErrorCode,
  type OrderflowErrorCode,
} from './errors/orderflow-error.ts';
export { errorCode, errorMessage } from './errors/error-code.ts';
export {
  EventDecodeError,
  decodeErrorCodes,
  type DecodeErrorCode,
  type DecodeErrorDetails,
} from './errors/event-decode-error.ts';
export { EventTooLargeError } from './errors/event-too-large-error.ts';
export { InvalidEventError } from './errors/invalid-event-error.ts';

// Events: one zod schema and one type per event, sharing the event's name.
export { OrderPlacedEvent } from './events/order-placed-event.ts';
export { OrderConfirmedEvent } from './events/order-confirmed-event.ts';
export { OrderRejectedEvent } from './events/order-rejected-event.ts';
export { OrderCancelledEvent } from './events/order-cancelled-event.ts';
export { ProductShippedEvent } from './events/product-shipped-event.ts';
export { StockReservedEvent } from './events/stock-reserved-event.ts';
export { StockReservationFailedEvent } from './events/stock-reservation-failed-event.ts';
export { StockReleasedEvent } from './events/stock-released-event.ts';
export { CustomerId, Email, OrderId, OrderItem, Quantity, Sku, UnavailableItem } from './events/fields.ts';

// Catalogue: events with their versions, the naming rule, topics, dead-letter topics.
export { type EventDefinition, type EventMap, type EventPayload } from './catalogue/event-definition.ts';
export { eventCatalogue, pickEvents, type EventName } from './catalogue/event-catalogue.ts';
export { checkEventName, isPastTense, type EventNameCheck } from './catalogue/event-name-rule.ts';
export {
  defaultTopicSettings,
  defineTopic,
  kafkaDefaultMaxMessageBytes,
  kafkaDefaultSegmentMs,
  topicConfigEntries,
  type ServiceName,
  type TopicConfig,
  type TopicDefinition,
  type TopicEvent,
  type TopicEventType,
  type TopicSettings,
} from './catalogue/topic-definition.ts';
export {
  inventoryTopic,
  ordersTopic,
  topics,
  type InventoryTopic,
  type OrdersTopic,
} from './catalogue/topic-catalogue.ts';
export {
  allTopicSettings,
  deadLetterRetentionFactor,
  deadLetterTopic,
  deadLetterTopicName,
} from './catalogue/dead-letter.ts';
// Access: each service's ACLs on a secured cluster, derived from who writes and reads each topic.
export {
  accessPlan,
  accessPlanTable,
  adminPrincipal,
  consoleGroupPrefix,
  serviceRules,
  type AclOperation,
  type AclResource,
  type AclRule,
  type PrincipalAccess,
  type PrincipalName,
} from './catalogue/access-plan.ts';

// Codecs: what the bytes of a record value mean, chosen per topic.
export { avroCodec } from './codecs/avro-codec.ts';
export { avroSchemaFor, type AvroField, type AvroType } from './codecs/avro-schema.ts';
export { jsonCodec } from './codecs/json-codec.ts';
export { nullCodec } from './codecs/null-codec.ts';
export { stringCodec } from './codecs/string-codec.ts';
export type { CodecResult, DecodeSource, EncodeTarget, ValueCodec } from './codecs/value-codec.ts';

// Envelope: event ⇄ message (key, value, timestamp, headers).
export { eventToMessage } from './envelope/event-to-message.ts';
export { recordToEvent, type DecodedEvent, type DecodeFailure, type DecodeResult } from './envelope/record-to-event.ts';
export { causedBy, newEventId } from './envelope/event-id.ts';
export { eventContextOf, type ActionContext } from './envelope/action-context.ts';
export { headerNames, type HeaderName } from './envelope/headers.ts';
export { assertFitsTopic, encodedSize, recordBatchSize } from './envelope/message-size.ts';
export type { ConsumedRecord, EventContext, EventMessage, EventMetadata } from './envelope/event-message.ts';
