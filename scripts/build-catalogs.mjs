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
// ISO/IEC 27001:2013 domains (A.5–A.18) and control objectives: the reference lists hold only controls, and these
// titles let a 2013 ID such as A.7.1 "Prior to employment" be told from the 2022 control with the same number.
const legacyGroups = {
  'A.5': 'Information security policies',
  'A.6': 'Organization of information security',
  'A.7': 'Human resource security',
  'A.8': 'Asset management',
  'A.9': 'Access control',
  'A.10': 'Cryptography',
  'A.11': 'Physical and environmental security',
  'A.12': 'Operations security',
  'A.13': 'Communications security',
  'A.14': 'System acquisition, development and maintenance',
  'A.15': 'Supplier relationships',
  'A.16': 'Information security incident management',
  'A.17': 'Information security aspects of business continuity management',
  'A.18': 'Compliance',
  'A.5.1': 'Management direction for information security',
  'A.6.1': 'Internal organization',
  'A.6.2': 'Mobile devices and teleworking',
  'A.7.1': 'Prior to employment',
  'A.7.2': 'During employment',
  'A.7.3': 'Termination and change of employment',
  'A.8.1': 'Responsibility for assets',
  'A.8.2': 'Information classification',
  'A.8.3': 'Media handling',
  'A.9.1': 'Business requirements of access control',
  'A.9.2': 'User access management',
  'A.9.3': 'User responsibilities',
  'A.9.4': 'System and application access control',
  'A.10.1': 'Cryptographic controls',
  'A.11.1': 'Secure areas',
  'A.11.2': 'Equipment',
  'A.12.1': 'Operational procedures and responsibilities',
  'A.12.2': 'Protection from malware',
  'A.12.3': 'Backup',
  'A.12.4': 'Logging and monitoring',
  'A.12.5': 'Control of operational software',
  'A.12.6': 'Technical vulnerability management',
  'A.12.7': 'Information systems audit considerations',
  'A.13.1': 'Network security management',
  'A.13.2': 'Information transfer',
  'A.14.1': 'Security requirements of information systems',
  'A.14.2': 'Security in development and support processes',
  'A.14.3': 'Test data',
  'A.15.1': 'Information security in supplier relationships',
  'A.15.2': 'Supplier service delivery management',
  'A.16.1': 'Management of information security incidents and improvements',
  'A.17.1': 'Information security continuity',
  'A.17.2': 'Redundancies',
  'A.18.1': 'Compliance with legal and contractual requirements',
  'A.18.2': 'Information security reviews',
};
const legacy = {
  id: 'iso27001-2013',
  name: 'ISO/IEC 27001:2013 Annex A (superseded)',
  groups: Object.entries(legacyGroups).map(([id, title]) => ({ id, title })),
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
