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
  {
    enforceBuildableLibDependency: true,
    allow: [],
    depConstraints: constraints,
    // tools/local-kafka's entry points import @orderflow/kafka-cluster with import() only after
    // they have made sure node_modules (where npm links it) is installed. That is no lazy-loaded
    // bundle, so the tool's other files may import it statically.
    checkDynamicDependenciesExceptions: ['@orderflow/kafka-cluster'],
  },
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
      'libs/kafka-cluster/target',
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
];
