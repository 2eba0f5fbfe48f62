import { waitFor } from '@orderflow/testing';
import { parseHttpFile, substitute, type HttpAnswer, type HttpRequest } from './http-file.ts';
import { readRepoFile } from './doc-pages.ts';
import { onTestPorts } from './run-document.ts';

/**
 * Sends the requests of a `.http` file (a path from the repository root) in order, as a reader
 * clicking "Send Request" would, with the ports moved to the test's; each answer must have the
 * status (and body) its `# expect:` line says. Throws at the first that does not.
 */
export async function runHttpFile(file: string, ports: ReadonlyMap<number, number>): Promise<void> {
  const { variables, requests } = parseHttpFile(readRepoFile(file), file);
  const answers = new Map<string, HttpAnswer>();
  for (const request of requests) {
    const send = () => checked(file, request, variables, answers, ports);
    const description = `${file}:${request.line} (${request.title}) to answer as the file says`;
    const answer =
      request.retryMs === 0
        ? await send()
        : await waitFor(send, { description, timeoutMs: request.retryMs, intervalMs: 1_000 });
    if (request.name) answers.set(request.name, answer);
  }
}

async function checked(
  file: string,
  request: HttpRequest,
  variables: ReadonlyMap<string, string>,
  answers: ReadonlyMap<string, HttpAnswer>,
  ports: ReadonlyMap<number, number>,
): Promise<HttpAnswer> {
  const url = onTestPorts(substitute(request.url, variables, answers), ports);
  const headers = request.headers.map(([name, value]): [string, string] => [
    name,
    substitute(value, variables, answers),
  ]);
  const body = request.body === undefined ? undefined : substitute(request.body, variables, answers);
  const response = await fetch(url, { method: request.method, headers, body, signal: AbortSignal.timeout(10_000) });
  const answer = { status: response.status, headers: response.headers, body: await response.text() };
  const { status, body: pattern } = request.expectation;
  const problem =
    answer.status !== status
      ? `answered ${answer.status}, the file says ${status}`
      : pattern && !pattern.test(answer.body)
        ? `the body does not match ${pattern}`
        : undefined;
  if (problem)
    throw new Error(
      `${file}:${request.line} (${request.title}): ${request.method} ${url} ${problem}\n--- body ---\n${answer.body.slice(0, 2_000)}`,
    );
  return answer;
}
