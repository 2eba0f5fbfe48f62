import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../deploy-paths.ts';

// Facts the manifests must agree with, read from the repo's own files. Each throws when its
// file no longer says it the expected way, so a refactoring there fails here loudly instead
// of letting a check pass on nothing.

export const readRepoFile = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');

function match(path: string, pattern: RegExp): RegExpMatchArray {
  const found = readRepoFile(path).match(pattern);
  if (found === null) throw new Error(`${path} no longer matches ${pattern}; update this check`);
  return found;
}

/** The apps of apps/ that have a main.ts: what the Dockerfile's SERVICE build arg can name. */
export const isApp = (name: string): boolean => existsSync(join(repoRoot, 'apps', name, 'src', 'main.ts'));

/** An app's own defaults, from its config.ts: `serviceConfig({ serviceName, port, databasePoolSize? })`. */
export function appConfigDefaults(app: string): { serviceName: string; port: number; databasePoolSize?: number } {
  const [, serviceName = '', port = '', poolSize] = match(
    `apps/${app}/src/config.ts`,
    /serviceConfig\(\{\s*serviceName: '([^']+)',\s*port: (\d+)(?:,\s*databasePoolSize: (\d+))?,?\s*\}\)/,
  );
  return { serviceName, port: Number(port), ...(poolSize === undefined ? {} : { databasePoolSize: Number(poolSize) }) };
}

/** The routes libs/service's createHttpApp gives every app (`app.get('/health', ...)`). */
export function serviceHttpRoutes(): string[] {
  const path = 'libs/service/src/http/create-http-app.ts';
  const routes = [...readRepoFile(path).matchAll(/app\.get\('(\/[\w/-]*)'/g)].map(([, route]) => route ?? '');
  if (routes.length === 0) throw new Error(`${path} defines no app.get routes any more; update this check`);
  return routes;
}

/** How long main.ts's graceful stop may take before it gives up (onShutdown's default timeoutMs). */
export function shutdownTimeoutMs(): number {
  const [, value = ''] = match('libs/service/src/shutdown/on-shutdown.ts', /timeoutMs = ([\d_]+)/);
  return Number(value.replaceAll('_', ''));
}

/** The Kafka version the repo runs (libs/kafka-cluster/pom.xml). */
export function repoKafkaVersion(): string {
  const [, version = ''] = match('libs/kafka-cluster/pom.xml', /<kafka\.version>([^<]+)<\/kafka\.version>/);
  return version;
}

/** The Dockerfile's instructions of one stage, as [instruction, arguments], continuation lines joined. */
export function dockerfileStage(name: string): [string, string][] {
  const instructions = readRepoFile('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line): [string, string] => {
      const [instruction = '', ...rest] = line.split(/\s+/);
      return [instruction.toUpperCase(), rest.join(' ')];
    });
  const start = instructions.findIndex(([instruction, args]) => instruction === 'FROM' && args.endsWith(` AS ${name}`));
  if (start < 0) throw new Error(`the Dockerfile has no stage "${name}"`);
  const end = instructions.findIndex(([instruction], index) => index > start && instruction === 'FROM');
  return instructions.slice(start, end < 0 ? undefined : end);
}
