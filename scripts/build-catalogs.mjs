// Regenerates the catalog data files shipped in server/src/engine/catalogs/data/ from the reference lists
// (ISO/IEC 27001:2022 Annex A, the 2013 -> 2022 mapping, title variants, ISO/IEC 42001 Annex A).
// Run by hand when the reference lists change: node scripts/build-catalogs.mjs [REFERENCE_DIR]
// The product and its tests read only the generated JSON, never the reference folder.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ref = process.argv[2] ?? '../shared/reference';
const out = 'server/src/engine/catalogs/data';

/** Minimal RFC 4180 reader: quoted fields may hold commas. */
function readCsv(file) {
  const rows = [];
  for (const line of readFileSync(join(ref, file), 'utf8').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { cells.push(cell); cell = ''; }
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const aliases = readCsv('iso27001-2022-title-aliases.csv');
const iso27001 = {
  id: 'iso27001-2022',
  name: 'ISO/IEC 27001:2022 Annex A',
  controls: readCsv('iso27001-2022-annex-a.csv').map((r) => ({
    id: r.id,
    theme: r.theme,
    title: r.title,
    ...(aliases.some((a) => a.id === r.id) ? { aliases: aliases.filter((a) => a.id === r.id).map((a) => a.variant) } : {}),
  })),
};
const legacy = {
  id: 'iso27001-2013',
  name: 'ISO/IEC 27001:2013 Annex A (superseded)',
  mappings: readCsv('iso27001-2013-to-2022.csv').map((r) => ({ id: r.old_id, title: r.old_title, newIds: r.new_ids.split(';') })),
};
const iso42001 = {
  id: 'iso42001-2023',
  name: 'ISO/IEC 42001:2023 Annex A',
  controls: readCsv('iso42001-annex-a.csv').map((r) => ({ id: r.id, theme: r.objective, title: r.title })),
};
for (const [file, data] of [['iso27001-2022.json', iso27001], ['iso27001-2013.json', legacy], ['iso42001-2023.json', iso42001]]) {
  writeFileSync(join(out, file), JSON.stringify(data, null, 1) + '\n');
}
console.log(`catalogs: ${iso27001.controls.length} + ${legacy.mappings.length} legacy + ${iso42001.controls.length} (42001)`);
