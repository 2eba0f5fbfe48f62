// ESLint flat config for the whole repo (the @nx/eslint plugin infers a `lint` target for
// every project from it).
import nx from '@nx/eslint-plugin';

// Who may import whom, by the tags in each project's package.json ("nx": {"tags": [...]}).
// A project must satisfy every constraint whose tag it carries.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  // libs/events holds the contracts; it depends on no other project. ([] = nothing)
  { sourceTag: 'scope:events', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:app', 'type:lib', 'type:tool'] },
];

const moduleBoundaries = (constraints) => [
  'error',
  { enforceBuildableLibDependency: true, allow: [], depConstraints: constraints },
];

export default [
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/out-tsc',
      '**/coverage',
      '.nx',
      '.cache',
      '.kafka-local',
      'tools/local-kafka/target',
    ],
  },
  // @eslint/js and typescript-eslint recommended rules, plus the @nx plugin itself.
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(depConstraints),
      '@typescript-eslint/no-explicit-any': 'error',
      // `import type` for imports used only as types (tsconfig's verbatimModuleSyntax
      // relies on it); inline `import { x, type T }` is fine too.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Nx's preset still turns this on; typescript-eslint's recommended set dropped it.
      // An empty arrow is the normal way to write a deliberate no-op.
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  {
    // libs/testing brings up the test cluster, so it is the one library that may use the
    // tools (tools/local-kafka). A flat-config block for its files widens the rule for it.
    files: ['libs/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(
        depConstraints.map((c) =>
          c.sourceTag === 'type:lib' ? { ...c, onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] } : c,
        ),
      ),
    },
  },
];
