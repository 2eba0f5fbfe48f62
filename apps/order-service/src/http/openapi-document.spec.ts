import { openApiDocument } from './openapi-document.ts';

describe('openApiDocument', () => {
  const document = openApiDocument();

  it('describes every order endpoint', () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/orders', '/orders/{id}', '/orders/{id}/ship', '/orders/{id}/cancel']),
    );
  });

  it('generates the request body from the zod schema: strict, with the fields and item rules', () => {
    const schema = document.paths['/orders'].post.requestBody.content['application/json'].schema;
    expect(schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['customerId', 'email', 'items'],
      properties: { items: { type: 'array', minItems: 1, maxItems: 100 } },
    });
  });

  it('lists the query parameters of GET /orders with their defaults', () => {
    const names = document.paths['/orders'].get.parameters.map((parameter) => parameter.name);
    expect(names).toEqual(['status', 'customerId', 'limit', 'offset']);
  });
});
