import { HttpError } from '@orderflow/service';
import type { RequestHandler } from 'express';

/** The names a browser on this machine reaches the console by. */
export const loopbackHostnames = ['localhost', '127.0.0.1', '[::1]'] as const;

/**
 * What a browser must not be able to do with the console, checked before any route:
 * - DNS rebinding: a page on `evil.example` whose name is made to resolve to 127.0.0.1 reaches
 *   the console as same-origin. Its requests still carry `Host: evil.example`, so only the names
 *   the console is known by are served (loopback, plus `allowedHosts`).
 * - A cross-site form: it can POST `text/plain` or form data without the browser asking first,
 *   but not `application/json`. The shared HTTP shell (createHttpApp) refuses every write that
 *   is not JSON, the console's included, so nothing more is needed here.
 * - Framing: no other site may show the console in a frame (clickjacking), `frame-ancestors 'none'`.
 */
export function browserGuards(allowedHosts: readonly string[] = []): RequestHandler {
  const allowed = new Set<string>([...loopbackHostnames, ...allowedHosts].map((name) => name.toLowerCase()));
  return (request, response, next) => {
    response.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
    response.setHeader('X-Frame-Options', 'DENY');
    const hostname = hostnameOf(request.headers.host ?? '');
    if (!allowed.has(hostname))
      throw new HttpError(421, `The console is not served as "${hostname}"; add it to CONSOLE_ALLOWED_HOSTS.`, {
        code: 'HOST_NOT_ALLOWED',
      });
    next();
  };
}

/** `Host: name:port` → `name`; an IPv6 literal keeps its brackets. */
function hostnameOf(host: string): string {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return (name ?? '').toLowerCase();
}
