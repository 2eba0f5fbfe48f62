export { buildOfflineImages, type BuildOptions } from './build-offline-images.ts';
export { checkDockerEngine, docker, dockerClient, type EngineCheck } from './docker-engine.ts';
export { OFFLINE_IMAGES, offlineImageSettings } from './offline-images.ts';
