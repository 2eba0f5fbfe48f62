export { deployDir, repoRoot } from './deploy-paths.ts';
export { generatedManifests, writeGeneratedManifests, type GeneratedFile } from './generated-manifests.ts';
export { kafkaTopic, kafkaTopics, topicNameOf, topicPurpose } from './kafka-topics.ts';
export { accessPlanRule, kafkaUsers, strimziAclRule, type DescribedKafkaUser } from './kafka-users.ts';
export { isKubernetesName, resourceNameForTopic } from './kubernetes-name.ts';
export { renderKustomization, type ManifestObject, type RenderedObject } from './render-kustomization.ts';
export { kafkaClusterName, strimziRelease } from './strimzi-release.ts';
export { declaredTypes, unknownFields } from './unknown-fields.ts';
export { asModel, modelKinds, schemaProblems } from './validate-manifest.ts';
