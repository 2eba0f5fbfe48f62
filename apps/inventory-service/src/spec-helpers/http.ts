/** A JSON request to a service; the answer with its parsed body. */
export async function request(url: string, method = 'GET', body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export const customer = { customerId: '0195f0a0-0000-7000-8000-00000000c001', email: 'ada@example.com' };
