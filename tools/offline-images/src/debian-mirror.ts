import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Debian mirror this machine's apt already uses, so the offline base image is built from
 * the same place and its apt can reach it too. DEBIAN_MIRROR overrides it.
 * Reads both apt formats: one-line `deb URL suite ...` and deb822 `URIs: URL`.
 */
export function debianMirror(env: NodeJS.ProcessEnv = process.env, aptDir = '/etc/apt'): string {
  if (env['DEBIAN_MIRROR']) return env['DEBIAN_MIRROR'];
  const files = [join(aptDir, 'sources.list')];
  const listDir = join(aptDir, 'sources.list.d');
  if (existsSync(listDir)) {
    files.push(
      ...readdirSync(listDir)
        .filter((name) => /\.(list|sources)$/.test(name))
        .map((name) => join(listDir, name)),
    );
  }
  for (const file of files.filter((f) => existsSync(f))) {
    const mirror = mirrorIn(readFileSync(file, 'utf8'));
    if (mirror) return mirror;
  }
  throw new Error(
    'Found no Debian mirror in /etc/apt: set DEBIAN_MIRROR to a Debian archive URL (the one your apt uses).',
  );
}

/** The first Debian archive (not the security archive) named in one apt sources file. */
export function mirrorIn(text: string): string | undefined {
  const urls = [...text.matchAll(/^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s/gm), ...text.matchAll(/^\s*URIs:\s*(\S+)/gm)].map(
    (match) => match[1] ?? '',
  );
  return urls.find((url) => /^https?:\/\//.test(url) && !/security/.test(url));
}
