export { composeFileWithDefaults } from './compose-file.ts';
