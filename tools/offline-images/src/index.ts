export { buildOfflineImages, type BuildOptions } from './build-offline-images.ts';
export { docker } from './docker-engine.ts';
export { OFFLINE_IMAGES, offlineImageSettings } from './offline-images.ts';
