import type { z } from 'zod';

/** `['items', 0, 'quantity']` → `items[0].quantity`: how a reader would point at the field. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  const text = path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
  return text === '' ? '(root)' : text;
}

/** The first problem zod found, as `path: message`, plus that path on its own. */
export function describeFirstIssue(error: z.ZodError): { path: string; text: string } {
  const issue = error.issues[0];
  const path = formatIssuePath(issue?.path ?? []);
  return { path, text: `${path}: ${issue?.message ?? 'invalid'}` };
}
