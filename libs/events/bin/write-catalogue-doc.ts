// Rewrites the generated parts of the docs from libs/events, after a topic, an event or a
// service's role changed:
//   - docs/event-catalogue.md: the topics and events (between its catalogue markers);
//   - docs/12-from-one-machine-to-a-cluster.md: the ACLs of the access plan.
//
//   node libs/events/bin/write-catalogue-doc.ts
//
// catalogue-table.spec.ts and access-plan.spec.ts fail while a page and the code disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// By path, not from the package's index.ts: the tables are for the docs, not part of the API.
import { withAccessPlanTable } from '../src/catalogue/access-plan.ts';
import { withCatalogueTable } from '../src/catalogue/catalogue-table.ts';

const docs = join(import.meta.dirname, '..', '..', '..', 'docs');
const pages: readonly [string, (markdown: string) => string][] = [
  ['event-catalogue.md', (markdown) => withCatalogueTable(markdown)],
  ['12-from-one-machine-to-a-cluster.md', withAccessPlanTable],
];

for (const [name, rewrite] of pages) {
  const page = join(docs, name);
  const before = readFileSync(page, 'utf8');
  const after = rewrite(before);
  if (after === before) {
    console.log(`docs/${name} is up to date.`);
  } else {
    writeFileSync(page, after);
    console.log(`docs/${name} rewritten from libs/events.`);
  }
}
