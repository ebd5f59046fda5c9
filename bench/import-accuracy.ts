// Field-level accuracy of the importer on documents it was not tuned on (tests/fixtures/import/held-out)
// and on the seed report. Prints the share of fields right and every miss, with whether a warning
// reported it. Run: npm run accuracy:import
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fieldAccuracy, type ExpectedTrip } from '#app/domain/import/field-accuracy.ts';
import { parseCouncilReport } from '#app/domain/import/council-report-parser.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const heldOut = join(root, 'tests/fixtures/import/held-out');
const documents = [
  ...readdirSync(heldOut)
    .filter((f) => !f.endsWith('.expected.json'))
    .map((f) => ({ path: join(heldOut, f), expected: join(heldOut, f.replace(/\.[a-z]+$/, '.expected.json')), heldOut: true })),
  { path: join(root, 'samples/taichung-council-report-2018-05-11.txt'), expected: join(root, 'tests/fixtures/seed-expected-trips.json'), heldOut: false },
];

let heldOutFields = 0;
let heldOutRight = 0;
let unwarned = 0;
for (const doc of documents) {
  const parsed = parseCouncilReport(readFileSync(doc.path, 'utf8'), { name: doc.path, sha256: null });
  const expected = JSON.parse(readFileSync(doc.expected, 'utf8')) as ExpectedTrip[];
  const score = fieldAccuracy(expected, parsed);
  const name = doc.path.slice(root.length);
  console.log(`${name} [${parsed.format}${doc.heldOut ? ', held out' : ', seed'}]: ${score.right}/${score.fields} fields right (${((100 * score.right) / score.fields).toFixed(1)}%), ${parsed.trips.length} trips read, ${expected.length} expected`);
  for (const miss of score.misses) {
    console.log(`  miss: trip ${miss.trip} "${miss.title}" ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.got)} — ${miss.warned ? 'reported by a warning' : 'NOT REPORTED'}`);
    if (!miss.warned) unwarned += 1;
  }
  if (doc.heldOut) {
    heldOutFields += score.fields;
    heldOutRight += score.right;
  }
}
const pct = (100 * heldOutRight) / heldOutFields;
console.log(`held-out documents: ${heldOutRight}/${heldOutFields} fields right (${pct.toFixed(1)}%); misses not reported by a warning: ${unwarned}`);
if (pct < 98 || unwarned > 0) process.exitCode = 1;
