import { readRepoFile } from './doc-pages.ts';
import { jsonPath, parseHttpFile, substitute, type HttpAnswer } from './http-file.ts';

const file = `# A walkthrough; this comment is not a request.
@base = http://localhost:3000
@orders = {{base}}/orders

### 1. Place an order. 201, and
###    an event (a second title line).
# curl -s -X POST localhost:3000/orders
# @name placed
# expect: 201 /"status":"PENDING"/i
POST {{orders}} HTTP/1.1
Content-Type: application/json
Idempotency-Key: k-1

{"items": [
  {"sku": "BOOK-1"}
]}

### ---- a heading with no request

### 2. Read it until the saga is done.
# expect: 200
# retry: 30s
GET {{orders}}/{{placed.response.body.$.id}}
`;

describe('a .http file', () => {
  it('gives each request its title, name, headers, body and what it must answer', () => {
    const { variables, requests } = parseHttpFile(file);
    const [place, read, ...rest] = requests;

    expect(variables.get('base')).toBe('http://localhost:3000');
    expect(rest).toEqual([]);
    expect(place).toMatchObject({
      title: '1. Place an order. 201, and',
      line: 10,
      name: 'placed',
      method: 'POST',
      url: '{{orders}}',
      headers: [
        ['Content-Type', 'application/json'],
        ['Idempotency-Key', 'k-1'],
      ],
      body: '{"items": [\n  {"sku": "BOOK-1"}\n]}',
      expectation: { status: 201, body: /"status":"PENDING"/i },
      retryMs: 0,
    });
    expect(read).toMatchObject({
      title: '2. Read it until the saga is done.',
      name: undefined,
      method: 'GET',
      body: undefined,
      expectation: { status: 200, body: undefined },
      retryMs: 30_000,
    });
  });

  it('refuses a request that does not say what it must answer, naming where it is', () => {
    expect(() => parseHttpFile('### 1. Up?\nGET http://localhost:3000/ready\n', 'r.http')).toThrow(
      'r.http:2: request "1. Up?" says no "# expect: <status>"',
    );
    expect(() => parseHttpFile('### 1. Up?\n# expect: ok\nGET http://x/\n', 'r.http')).toThrow(
      'r.http:2: "# expect:" needs a status',
    );
  });

  it('fills in variables, nested ones too, and the answers of earlier named requests', () => {
    const { variables } = parseHttpFile(file);
    const answers = new Map<string, HttpAnswer>([
      [
        'placed',
        {
          status: 201,
          headers: new Headers({ Location: '/orders/o-1' }),
          body: '{"id":"o-1","items":[{"sku":"BOOK-1"}]}',
        },
      ],
    ]);

    expect(substitute('{{orders}}/{{placed.response.body.$.id}}', variables, answers)).toBe(
      'http://localhost:3000/orders/o-1',
    );
    expect(substitute('{{ placed.response.headers.Location }}', variables, answers)).toBe('/orders/o-1');
    expect(substitute('{{placed.response.body.$.items[0].sku}}', variables, answers)).toBe('BOOK-1');
  });

  it('refuses a reference it cannot fill in rather than sending it as it stands', () => {
    const answers = new Map<string, HttpAnswer>([
      ['placed', { status: 201, headers: new Headers(), body: '{"id":"o-1"}' }],
    ]);

    expect(() => substitute('{{nope}}', new Map(), answers)).toThrow('{{nope}}: no such variable');
    expect(() => substitute('{{other.response.body.$.id}}', new Map(), answers)).toThrow(
      'no earlier request is named "other"',
    );
    expect(() => substitute('{{placed.response.body.id}}', new Map(), answers)).toThrow(
      'a body reference is a JSONPath, starting with $',
    );
    expect(() => substitute('{{placed.response.body.$.orderId}}', new Map(), answers)).toThrow(
      'has nothing at $.orderId',
    );
  });

  it('reads a JSONPath of plain steps', () => {
    expect(jsonPath({ a: { b: [1, { c: 'x' }] } }, '$.a.b[1].c')).toBe('x');
    expect(jsonPath({ a: 1 }, '$.a.b')).toBeUndefined();
  });

  it('docs/requests.http: every request says what it must answer', () => {
    const { requests } = parseHttpFile(readRepoFile('docs/requests.http'), 'docs/requests.http');

    expect(requests.length).toBeGreaterThan(15);
  });
});
