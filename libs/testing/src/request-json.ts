/** What a test sees of an HTTP answer: the status, the headers and the body parsed as JSON. */
export type JsonAnswer = { readonly status: number; readonly headers: Headers; readonly body: Record<string, unknown> };

/** A request to a service as a client makes it: a JSON body if one is given; the answer parsed. */
export async function requestJson(
  url: string,
  method = 'GET',
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer> {
  // A request that changes something says it is JSON, even without a body (the services refuse
  // anything else, as a cross-site form would send it).
  const sendsJson = body !== undefined || !['GET', 'HEAD'].includes(method.toUpperCase());
  const response = await fetch(url, {
    method,
    headers: sendsJson ? { 'content-type': 'application/json', ...headers } : headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}
