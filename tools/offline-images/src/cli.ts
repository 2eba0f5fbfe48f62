/**
 * `npm run offline-images`: builds local stand-ins for apache/kafka, postgres and node, for
 * machines where no container registry can be reached, then prints the settings that point
 * docker compose and the tests at them:
 *
 *   npm run offline-images
 *   export KAFKA_IMAGE=orderflow-offline/kafka:4.3.1 POSTGRES_IMAGE=... NODE_IMAGE=...
 *   docker compose up --build
 *
 * `--force` rebuilds every image. Needs a Docker engine, root and debootstrap (for the base).
 */
import { buildOfflineImages } from './build-offline-images.ts';
import { offlineImageSettings } from './offline-images.ts';

buildOfflineImages({ force: process.argv.includes('--force') }).then(
  () => {
    const settings = Object.entries(offlineImageSettings()).map(([name, value]) => `${name}=${value}`);
    console.log(`\nPoint docker compose and the tests at them with:\n  export ${settings.join(' ')}`);
  },
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
