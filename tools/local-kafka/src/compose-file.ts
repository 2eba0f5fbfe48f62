import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@orderflow/kafka-cluster';

/**
 * docker-compose.yml as compose reads it with no settings given: every `${NAME:-default}`
 * replaced by its default, as `docker compose config` would. The specs that check the file
 * against the code read it through this, so they check what a user gets by default.
 */
export function composeFileWithDefaults(text = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8')): string {
  return text.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, (_match, fallback: string) => fallback);
}
