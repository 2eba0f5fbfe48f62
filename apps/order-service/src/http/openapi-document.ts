import { z } from 'zod';
import {
  ListOrdersQuery,
  OrderIdParameters,
  OrderPageResponse,
  OrderResponse,
  PlaceOrderRequest,
  ProblemResponse,
  ShipOrderRequest,
} from './order-schemas.ts';

// The OpenAPI description is generated from the same zod schemas the routes validate with,
// so the document cannot drift from what the API really accepts.

type JsonSchema = Record<string, unknown>;

const inputSchema = (schema: z.ZodType): JsonSchema =>
  strip(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
const outputSchema = (schema: z.ZodType): JsonSchema =>
  strip(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }));

/** OpenAPI 3.1 schema objects are JSON Schema 2020-12 but carry no `$schema` of their own. */
function strip(schema: JsonSchema): JsonSchema {
  const copy = { ...schema };
  delete copy['$schema'];
  return copy;
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const order = (description: string) => ({ description, content: json({ $ref: '#/components/schemas/Order' }) });

/** Query or path parameters from a zod object: one OpenAPI parameter per property. */
function parameters(schema: z.ZodObject, location: 'query' | 'path') {
  const { properties = {}, required = [] } = inputSchema(schema) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.includes(name),
    schema: property,
  }));
}

const orderIdParameter = parameters(OrderIdParameters, 'path');
const orderAction = (summary: string, events: string, requestBody?: JsonSchema) => ({
  summary,
  parameters: orderIdParameter,
  ...(requestBody ? { requestBody: { required: false, content: json(requestBody) } } : {}),
  responses: {
    '200': order(`The order after the change. ${events}`),
    '400': problem('The id is not a UUID, or the body is invalid.'),
    '404': problem('No order has this id.'),
    '409': problem('The order is in a status that does not allow this; the detail names it.'),
  },
});

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Orderflow order-service',
      version: '1.0.0',
      description: 'Places, ships and cancels orders; every change is published to the orders topic.',
    },
    paths: {
      '/orders': {
        post: {
          summary: 'Place an order (status PENDING); publishes OrderPlacedEvent.',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description:
                'Retries with the same key and body return the first order (200); another body is refused (409).',
              schema: { type: 'string', minLength: 1, maxLength: 255 },
            },
          ],
          requestBody: { required: true, content: json(inputSchema(PlaceOrderRequest)) },
          responses: {
            '201': { ...order('The order was placed.'), headers: { Location: { schema: { type: 'string' } } } },
            '200': order('A retry with the same Idempotency-Key and body: the first order.'),
            '400': problem('Invalid body or malformed JSON; `errors` names each bad field.'),
            '409': problem('The Idempotency-Key was used with another body.'),
            '413': problem('The body is too large.'),
            '415': problem('The body is not JSON.'),
          },
        },
        get: {
          summary: 'List orders, newest first, filtered by status and customer, one page at a time.',
          parameters: parameters(ListOrdersQuery, 'query'),
          responses: {
            '200': { description: 'One page of orders.', content: json(outputSchema(OrderPageResponse)) },
            '400': problem('Invalid query parameters.'),
          },
        },
      },
      '/orders/{id}': {
        get: {
          summary: 'One order.',
          parameters: orderIdParameter,
          responses: {
            '200': order('The order.'),
            '400': problem('The id is not a UUID.'),
            '404': problem('No order has this id.'),
          },
        },
      },
      '/orders/{id}/ship': {
        post: orderAction('Ship a CONFIRMED order.', 'Publishes ProductShippedEvent.', inputSchema(ShipOrderRequest)),
      },
      '/orders/{id}/cancel': {
        post: orderAction('Cancel a PENDING or CONFIRMED order.', 'Publishes OrderCancelledEvent.'),
      },
      '/status': {
        get: {
          summary: 'The inventory consumer and the outbox relay: group, member, partitions, counts.',
          responses: { '200': { description: 'Status.' } },
        },
      },
      '/health': { get: { summary: 'Liveness.', responses: { '200': { description: 'The process answers.' } } } },
      '/ready': {
        get: {
          summary: 'Readiness: Kafka and the database reachable.',
          responses: { '200': { description: 'Ready.' }, '503': problem('A dependency is down.') },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics.',
          responses: { '200': { description: 'Metrics in the Prometheus text format.' } },
        },
      },
    },
    components: { schemas: { Order: outputSchema(OrderResponse), Problem: outputSchema(ProblemResponse) } },
  };
}
