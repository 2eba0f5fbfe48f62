/**
 * `npm run k8s:manifests`: rewrites the KafkaTopics and KafkaUsers of deploy/k8s from the topic
 * catalogue and the access plan (libs/events). Run it after changing either; the test suite
 * fails while the checked-in files differ from what this writes.
 */
import { deployDir } from './deploy-paths.ts';
import { generatedManifests, writeGeneratedManifests } from './generated-manifests.ts';

const files = generatedManifests();
const changed = writeGeneratedManifests(deployDir, files);
for (const { path } of files) console.log(`${changed.includes(path) ? 'wrote    ' : 'unchanged'} deploy/k8s/${path}`);
