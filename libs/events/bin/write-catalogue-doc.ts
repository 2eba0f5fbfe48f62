// Rewrites the generated part of docs/event-catalogue.md (between its catalogue markers) from
// the catalogue in libs/events, after a topic or an event changed:
//
//   node libs/events/bin/write-catalogue-doc.ts
//
// catalogue-table.spec.ts fails while the page and the catalogue disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// By path, not from the package's index.ts: the table is for the docs, not part of the API.
import { withCatalogueTable } from '../src/catalogue/catalogue-table.ts';

const page = join(import.meta.dirname, '..', '..', '..', 'docs', 'event-catalogue.md');
const before = readFileSync(page, 'utf8');
const after = withCatalogueTable(before);

if (after === before) {
  console.log('docs/event-catalogue.md is up to date.');
} else {
  writeFileSync(page, after);
  console.log('docs/event-catalogue.md rewritten from libs/events.');
}
