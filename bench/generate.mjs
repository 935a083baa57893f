// Generates a deterministic synthetic ISMS of N Markdown documents for the benchmark (bench/run.mjs):
// policies and procedures of 3–8 KB with headings, lists, links, tables, control and risk references; one
// risk register per 200 documents; a 93-row Statement of Applicability; a scope, a treatment plan, a few
// records and plain notes without frontmatter; some evidence files. Some links are broken, some anchors
// wrong, some reviews overdue and some references unknown, on purpose, so every rule family has work.
//
//   node bench/generate.mjs 1000 bench/work/ws-1000
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Mulberry32: a small, fast, seedable PRNG, so the same N always gives byte-identical files. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

export const CONTROLS = [
  ...Array.from({ length: 37 }, (_, i) => `A.5.${i + 1}`),
  ...Array.from({ length: 8 }, (_, i) => `A.6.${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `A.7.${i + 1}`),
  ...Array.from({ length: 34 }, (_, i) => `A.8.${i + 1}`),
];

const WORDS = (
  'access control review approval asset owner supplier incident response backup restore encryption key management ' +
  'logging monitoring vulnerability patch change release training awareness classification retention disposal ' +
  'network segmentation identity authentication privileged account cloud provider contract requirement evidence ' +
  'audit record objective measurement risk treatment residual acceptance continuity recovery test exercise data ' +
  'model weights pipeline inference cluster customer personal information legal regulatory obligation team quarterly ' +
  'annual process procedure policy standard guideline exception deviation management system security service'
).split(' ');
const TOPICS = [
  'Access Control', 'Asset Management', 'Backup', 'Business Continuity', 'Change Management', 'Cloud Security', 'Cryptography',
  'Data Classification', 'Data Retention', 'Endpoint Security', 'HR Security', 'Incident Management', 'Logging and Monitoring',
  'Network Security', 'Physical Security', 'Privileged Access', 'Secure Development', 'Supplier Security', 'Vulnerability Management',
  'Acceptable Use', 'Remote Working', 'Key Management', 'Threat Intelligence', 'Data Leakage Prevention', 'Configuration Management',
];
const SECTIONS = ['Purpose', 'Scope', 'Roles and responsibilities', 'Principles', 'Requirements', 'Exceptions', 'Monitoring', 'Review', 'References'];
const OWNERS = ['Head of Security', 'CTO', 'Head of Engineering', 'Head of People', 'Head of IT', 'Data Protection Officer', 'COO'];
const COMMANDS = ['kubectl get pods -A', 'aws iam list-users', 'terraform plan', 'gpg --verify', 'ssh -i key host', 'openssl s_client -connect x:443'];

const pad = (n, width = 4) => String(n).padStart(width, '0');
const isoDate = (day) => new Date(day * 86400000).toISOString().slice(0, 10);
const TODAY = Date.UTC(2026, 10, 21) / 86400000; // the bench pins ISMS_TODAY / --today to 2026-11-21

/**
 * Writes the workspace and returns a summary. `n` is the number of Markdown files; the mix is fixed:
 * one scope, one SoA, one treatment plan, one register per 200, ~3 % notes without frontmatter, ~4 %
 * records, the rest policies (40 %) and procedures.
 */
export function generate(n, dir) {
  rmSync(dir, { recursive: true, force: true });
  const r = rng(0x15a5 + n);
  const registers = Math.max(1, Math.round(n / 200));
  const notes = Math.round(n * 0.03);
  const records = Math.round(n * 0.04);
  const others = n - 3 - registers - notes - records;
  /** Every ISMS document: id, path, headings (slugs) as generated. */
  const docs = [];
  const add = (doc) => docs.push(doc);

  // Risks: 25 per register, R-0001 upwards.
  const risks = [];
  for (let g = 0; g < registers; g++) for (let k = 0; k < 25; k++) risks.push(`R-${pad(g * 25 + k + 1)}`);

  // Plan the documents first so links and related IDs point at real ones.
  add({ id: 'SCOPE-001', path: '00-scope.md', kind: 'scope' });
  add({ id: 'SOA-001', path: 'soa/statement-of-applicability.md', kind: 'soa' });
  add({ id: 'RTP-001', path: 'risk/risk-treatment-plan.md', kind: 'rtp' });
  for (let g = 0; g < registers; g++) add({ id: `RR-${pad(g + 1, 3)}`, path: `risk/risk-register-${pad(g + 1, 3)}.md`, kind: 'register', group: g });
  for (let i = 0; i < others; i++) {
    const policy = i % 5 < 2;
    const prefix = policy ? 'POL' : 'PRO';
    const folder = `${policy ? 'policies' : 'procedures'}/g${pad(Math.floor(i / 100), 2)}`;
    const topic = TOPICS[i % TOPICS.length];
    add({ id: `${prefix}-${pad(i + 1)}`, path: `${folder}/${prefix.toLowerCase()}-${pad(i + 1)}.md`, kind: policy ? 'policy' : 'procedure', topic, index: i });
  }
  for (let i = 0; i < records; i++) add({ id: `REC-${pad(i + 1)}`, path: `records/rec-${pad(i + 1)}.md`, kind: 'record', index: i });
  const ismsDocs = [...docs];
  const bodyDocs = ismsDocs.filter((d) => d.kind === 'policy' || d.kind === 'procedure');
  // Section headings are fixed per document (computed up front) so anchors in links can be valid.
  for (const d of bodyDocs) d.sections = SECTIONS.filter(() => r.chance(0.35)).slice(0, 4).concat(Array.from({ length: r.int(1, 2) }, (_, k) => `${d.topic} topic ${k + 1}`));

  const files = new Map();
  const write = (path, text) => files.set(path, text);
  const evidence = [];
  for (let i = 0; i < Math.max(5, Math.round(n / 50)); i++) {
    const path = `evidence/ev-${pad(i + 1)}.pdf`;
    evidence.push(path);
    write(path, `%PDF-1.4 synthetic evidence ${i}\n`);
  }

  const link = (from, to, anchor) => {
    let rel = relative(dirname(from), to).split('\\').join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return anchor ? `${rel}#${anchor}` : rel;
  };
  const slug = (t) => t.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
  const sentence = (from) => {
    const words = Array.from({ length: r.int(8, 18) }, () => r.pick(WORDS));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    const extras = [];
    if (r.chance(0.25)) extras.push(`(${r.pick(CONTROLS)})`);
    if (r.chance(0.12)) extras.push(`see ${r.pick(risks)}`);
    if (r.chance(0.08)) extras.push(`\`${r.pick(COMMANDS)}\``);
    if (r.chance(0.05)) extras.push(`per [the guidance](https://example.com/guides/${r.pick(WORDS)}) of the vendor`);
    if (r.chance(0.1) && from) {
      const to = r.pick(bodyDocs);
      const broken = r.chance(0.02);
      const badAnchor = !broken && r.chance(0.02);
      const anchor = badAnchor ? 'no-such-heading' : r.chance(0.3) ? slug(r.pick(to.sections)) : undefined;
      const target = broken ? to.path.replace(/\.md$/, '-old.md') : to.path;
      extras.push(`per the [${to.topic} document](${link(from, target, anchor)})`);
    }
    if (r.chance(0.03) && from) extras.push(`with [evidence](${link(from, r.chance(0.1) ? 'evidence/missing.pdf' : r.pick(evidence))})`);
    if (r.chance(0.02)) extras.push('**must** be _recorded_');
    for (const e of extras) words.splice(r.int(1, words.length - 1), 0, e);
    return words.join(' ') + '.';
  };
  const paragraph = (from) => {
    const text = Array.from({ length: r.int(2, 5) }, () => sentence(from)).join(' ');
    // Wrap at about 100 columns, as editors do.
    const out = [];
    let line = '';
    for (const w of text.split(' ')) {
      if (line && line.length + w.length > 100) {
        out.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) out.push(line);
    return out.join('\n');
  };

  const reviewDates = () => {
    const roll = r.next();
    // 6 % overdue, 4 % due within 30 days, the rest comfortably ahead.
    const next = roll < 0.06 ? TODAY - r.int(1, 200) : roll < 0.1 ? TODAY + r.int(1, 29) : TODAY + r.int(40, 330);
    const last = next - 365;
    return { last: isoDate(last), next: isoDate(next) };
  };
  const frontmatter = (d, type, extra = []) => {
    const { last, next } = reviewDates();
    const lines = [
      '---',
      `type: ${type}`,
      `id: ${d.id}`,
      `title: ${d.title}`,
      `owner: ${r.pick(OWNERS)}`,
      `version: "${r.int(1, 5)}.${r.int(0, 9)}"`,
      `status: ${r.chance(0.9) ? 'approved' : 'draft'}`,
      'approved_by: Priya Raman (CEO)',
      `approved_on: ${last}`,
      `last_reviewed: ${last}`,
      'review_cycle: annual',
      `next_review: ${next}`,
      ...extra,
      '---',
      '',
    ];
    return lines.join('\n');
  };

  // Scope.
  write(
    '00-scope.md',
    frontmatter({ id: 'SCOPE-001', title: 'ISMS Scope' }, 'scope', ["clauses: ['4.3']"]) +
      ['# ISMS Scope', '', '## Scope statement', '', paragraph('00-scope.md'), '', '## Boundaries', '', paragraph('00-scope.md'), '',
        '## Interfaces and dependencies', '', paragraph('00-scope.md'), '', '## Internal and external issues', '', paragraph('00-scope.md'), '',
        '## Interested parties', '', paragraph('00-scope.md'), '', '## Exclusions', '', 'None.', '', '## Management approval', '', 'Approved by the CEO.', ''].join('\n'),
  );

  // SoA: all 93 controls; a few excluded (with and without a justification), evidence linking policies.
  const soaPath = 'soa/statement-of-applicability.md';
  const soaRows = CONTROLS.map((c, i) => {
    const excluded = i % 31 === 7;
    const justification = excluded ? (i % 2 ? '' : 'No physical premises in scope.') : `Required by ${risks[i % risks.length]} and customer contracts.`;
    const ev = bodyDocs[i % bodyDocs.length];
    const evidenceCell = excluded ? '' : `[${ev.id}](${link(soaPath, ev.path)})`;
    return `| ${c} | Control ${c} | ${excluded ? 'No' : 'Yes'} | ${justification} | ${excluded ? 'n/a' : 'Implemented'} | ${evidenceCell} |`;
  });
  write(
    soaPath,
    frontmatter({ id: 'SOA-001', title: 'Statement of Applicability' }, 'soa', ["clauses: ['6.1.3']", 'related: [SCOPE-001, RTP-001]']) +
      ['# Statement of Applicability', '', paragraph(soaPath), '', '| Control | Title | Applicable | Justification | Status | Evidence |', '|---|---|---|---|---|---|', ...soaRows, ''].join('\n'),
  );

  // Risk treatment plan.
  const rtpPath = 'risk/risk-treatment-plan.md';
  write(
    rtpPath,
    frontmatter({ id: 'RTP-001', title: 'Risk Treatment Plan' }, 'risk-treatment-plan', ["clauses: ['6.1.3', '8.3']"]) +
      ['# Risk Treatment Plan', '', paragraph(rtpPath), '', '| Risk | Option | Controls | Action | Owner | Due | Status |', '|---|---|---|---|---|---|---|',
        ...risks.slice(0, 60).map((id, i) => `| ${id} | modify | ${CONTROLS[(i * 7) % 93]}, ${CONTROLS[(i * 11) % 93]} | ${r.pick(WORDS)} ${r.pick(WORDS)} | ${r.pick(OWNERS)} | 2027-0${1 + (i % 9)}-15 | open |`), ''].join('\n'),
  );

  // Risk registers.
  for (const d of docs.filter((x) => x.kind === 'register')) {
    const rows = risks.slice(d.group * 25, d.group * 25 + 25).map((id, k) => {
      const l = r.int(1, 5);
      const im = r.int(1, 5);
      const score = k === 13 ? l * im + 1 : l * im; // one score mismatch per register
      const treatment = r.pick(['modify', 'modify', 'retain', 'share', 'avoid']);
      const accepted = treatment === 'retain' && r.chance(0.7) ? 'CEO' : '';
      return `| ${id} | ${r.pick(WORDS)} ${r.pick(WORDS)} ${r.pick(WORDS)} risk | ${r.pick(OWNERS)} | ${l} | ${im} | ${score} | ${treatment} | ${r.pick(CONTROLS)}, ${r.pick(CONTROLS)} | ${accepted} |`;
    });
    write(
      d.path,
      frontmatter({ id: d.id, title: `Risk Register ${d.group + 1}` }, 'risk-register', ["clauses: ['8.2']", 'likelihood_scale: 5', 'impact_scale: 5', 'related: [RTP-001, SOA-001]']) +
        [`# Risk Register ${d.group + 1}`, '', paragraph(d.path), '', '| ID | Risk | Owner | Likelihood | Impact | Score | Treatment | Controls | Accepted by |',
          '|---|---|---|---|---|---|---|---|---|', ...rows, ''].join('\n'),
    );
  }

  // Policies and procedures.
  for (const d of bodyDocs) {
    const target = r.int(3000, 8000);
    const controls = Array.from({ length: r.int(3, 8) }, () => r.pick(CONTROLS));
    if (r.chance(0.02)) controls.push('A.9.9'); // unknown
    if (r.chance(0.02)) controls.push('A.12.6.1'); // 2013 ID
    const riskRefs = Array.from({ length: r.int(1, 4) }, () => (r.chance(0.01) ? 'R-9999' : r.pick(risks)));
    const related = Array.from({ length: r.int(1, 4) }, () => (r.chance(0.01) ? 'POL-99999' : r.pick(ismsDocs).id));
    d.title = `${d.topic} ${d.kind === 'policy' ? 'Policy' : 'Procedure'} ${d.index + 1}`;
    const fm = frontmatter(d, d.kind, [`controls: [${[...new Set(controls)].join(', ')}]`, `risks: [${[...new Set(riskRefs)].join(', ')}]`, `related: [${[...new Set(related)].join(', ')}]`]);
    const body = [`# ${d.title}`, ''];
    let size = fm.length + body.join('\n').length;
    let s = 0;
    while (size < target || s < d.sections.length) {
      const section = d.sections[s % d.sections.length];
      const parts = [`## ${s < d.sections.length ? section : `${section} (continued ${s})`}`, '', paragraph(d.path), ''];
      if (r.chance(0.6)) parts.push(...Array.from({ length: r.int(2, 5) }, () => `- ${sentence(d.path)}`), '');
      if (r.chance(0.3)) parts.push(`### ${r.pick(WORDS)} ${r.pick(WORDS)} details`, '', paragraph(d.path), '');
      if (r.chance(0.12)) {
        parts.push('| System | Owner | Control | Evidence |', '|---|---|---|---|');
        for (let k = 0; k < r.int(2, 5); k++) parts.push(`| ${r.pick(WORDS)} | ${r.pick(OWNERS)} | ${r.pick(CONTROLS)} | [record](${link(d.path, r.pick(evidence))}) |`);
        parts.push('');
      }
      if (r.chance(0.08)) parts.push('```sh', r.pick(COMMANDS), `# A.12.1.1 in code is not a reference`, '```', '');
      if (r.chance(0.03)) parts.push('<!-- isms-disable-next-line link-broken -- kept for the record -->', `See the [archived version](./archive-${d.index}.md).`, '');
      const chunk = parts.join('\n');
      body.push(chunk);
      size += chunk.length + 1;
      s++;
    }
    write(d.path, fm + body.join('\n'));
  }

  // Records.
  for (const d of docs.filter((x) => x.kind === 'record')) {
    d.title = `Record ${d.index + 1}`;
    write(d.path, frontmatter(d, 'record') + [`# ${d.title}`, '', paragraph(d.path), '', paragraph(d.path), ''].join('\n'));
  }

  // Plain notes without frontmatter (not ISMS documents).
  for (let i = 0; i < notes; i++) {
    const path = `notes/note-${pad(i + 1)}.md`;
    write(path, [`# Meeting note ${i + 1}`, '', paragraph(undefined), '', `- ${sentence(undefined)}`, `- ${sentence(undefined)}`, ''].join('\n'));
  }

  let bytes = 0;
  let markdown = 0;
  for (const [path, text] of files) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    if (path.endsWith('.md')) {
      markdown++;
      bytes += Buffer.byteLength(text);
    }
  }
  return { dir, markdown, isms: ismsDocs.length, bytes, files: files.size, editTarget: bodyDocs.find((d) => files.get(d.path).length > 7500)?.path ?? bodyDocs[0].path };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const n = Number(process.argv[2] ?? 1000);
  const dir = process.argv[3] ?? `bench/work/ws-${n}`;
  console.log(JSON.stringify(generate(n, dir)));
}
