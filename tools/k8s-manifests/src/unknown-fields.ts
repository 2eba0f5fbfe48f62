import { dirname, join } from 'node:path';
import ts from 'typescript';

// kubernetes-models' schemas accept fields they do not know, and the API server drops such a
// field silently (a `readinessProbes:` typo leaves the pod without a probe). The models' type
// declarations do list every field, so this walks an object along its kind's declared type
// with TypeScript's checker and reports each field the type does not have.

/** `<module>#<interface>` of each kind whose unknown fields are reported. */
export const declaredTypes: Readonly<Record<string, string>> = {
  'v1/Namespace': 'kubernetes-models/v1/Namespace#INamespace',
  'v1/Service': 'kubernetes-models/v1/Service#IService',
  'v1/Secret': 'kubernetes-models/v1/Secret#ISecret',
  'v1/ConfigMap': 'kubernetes-models/v1/ConfigMap#IConfigMap',
  'apps/v1/Deployment': 'kubernetes-models/apps/v1/Deployment#IDeployment',
  'apps/v1/StatefulSet': 'kubernetes-models/apps/v1/StatefulSet#IStatefulSet',
  'keda.sh/v1alpha1/ScaledObject': '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject#IScaledObject',
  'keda.sh/v1alpha1/TriggerAuthentication':
    '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication#ITriggerAuthentication',
};

let checkerAndTypes: { checker: ts.TypeChecker; types: Map<string, ts.Type> } | undefined;

/** One small program that imports every declared type; built once (it takes a second or two). */
function loadTypes(): { checker: ts.TypeChecker; types: Map<string, ts.Type> } {
  if (checkerAndTypes !== undefined) return checkerAndTypes;
  const entries = Object.entries(declaredTypes).map(([kind, spec], index) => {
    const [module = '', name = ''] = spec.split('#');
    return { kind, alias: `T${index}`, line: `import type { ${name} as T${index} } from '${module}';` };
  });
  const fileName = join(dirname(import.meta.filename), '__declared-types.ts');
  const source = `${entries.map(({ line }) => line).join('\n')}\n${entries.map(({ alias }) => `export declare const ${alias.toLowerCase()}: ${alias};`).join('\n')}\n`;
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (path) => (path === fileName ? source : readFile(path));
  host.fileExists = (path) => path === fileName || fileExists(path);
  host.getSourceFile = (path, language) =>
    path === fileName ? ts.createSourceFile(path, source, language) : getSourceFile(path, language);
  const program = ts.createProgram([fileName], options, host);
  const problems = ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  if (problems.length > 0) throw new Error(`cannot load the kinds' type declarations: ${problems.join('; ')}`);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(fileName);
  const types = new Map<string, ts.Type>();
  for (const symbol of file === undefined ? [] : (checker.getSymbolAtLocation(file)?.exports?.values() ?? [])) {
    const entry = entries.find(({ alias }) => alias.toLowerCase() === symbol.getName());
    if (entry !== undefined) types.set(entry.kind, checker.getTypeOfSymbol(symbol));
  }
  checkerAndTypes = { checker, types };
  return checkerAndTypes;
}

/** The paths (`spec.template.spec.containers.0.readinessProbes`) of fields the kind's type does not declare. */
export function unknownFields(object: { apiVersion: string; kind: string }): string[] {
  const { checker, types } = loadTypes();
  const type = types.get(`${object.apiVersion}/${object.kind}`);
  if (type === undefined) return [];
  const found: string[] = [];
  const walk = (value: unknown, declared: ts.Type, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    // `T | undefined` of optional fields, and `string | number` of int-or-string: the object parts.
    const candidates = (declared.isUnion() ? declared.types : [declared]).filter(
      (part) => (part.flags & ts.TypeFlags.Object) !== 0,
    );
    const [shape] = candidates;
    if (shape === undefined) return;
    if (Array.isArray(value)) {
      const [element] = checker.isArrayType(shape) ? checker.getTypeArguments(shape as ts.TypeReference) : [];
      if (element !== undefined) value.forEach((item: unknown, index) => walk(item, element, `${path}${index}.`));
      return;
    }
    const index = checker.getIndexInfoOfType(shape, ts.IndexKind.String);
    for (const [key, child] of Object.entries(value)) {
      const property = shape.getProperty(key);
      if (property !== undefined) walk(child, checker.getTypeOfSymbol(property), `${path}${key}.`);
      else if (index !== undefined) walk(child, index.type, `${path}${key}.`);
      else found.push(`${path}${key}`);
    }
  };
  walk(object, type, '');
  return found;
}
