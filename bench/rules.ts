// Rule cost at audit scale (issue 3): a 93-row SoA and a 500-row risk register, re-checked after an edit.
// Run by `npm run bench` (bench/rules.ts is bundled and run in a fresh process); prints one Markdown table.
import { BUILTIN_CATALOGS, ISO27001_2022 } from '../server/src/engine/catalogs/catalog';
import { checkWorkspace } from '../server/src/engine/check';
import { md, workspaceOf } from '../server/src/engine/testing/fixtures';
import { parseIsoDate } from '../server/src/engine/util/dates';

const controls = BUILTIN_CATALOGS.get(ISO27001_2022)!.controls;
const today = parseIsoDate('2026-11-21');
const front = { owner: 'CISO', version: '1.0', status: 'approved', last_reviewed: '2026-06-01', review_cycle: 'annual', next_review: '2027-06-01' };

function register(edit: number): string {
  const rows = Array.from({ length: 500 }, (_, i) => {
    const l = (i % 5) + 1;
    const impact = ((i * 7) % 5) + 1;
    const control = controls[(i * 13) % controls.length].id;
    return `| R-${String(i + 1).padStart(3, '0')} | Risk ${i + 1}${i === edit ? ' (edited)' : ''} | Owner ${i % 9} | ${l} | ${impact} | ${l * impact} | ${l * impact > 9 ? 'modify' : 'retain'} | ${control}, ${controls[(i * 5) % controls.length].id} | CTO | open |`;
  });
  return md({ type: 'risk-register', id: 'RR-001', title: 'Risk register', likelihood_scale: 5, impact_scale: 5, ...front }, `# Register\n\n| ID | Risk | Owner | Likelihood | Impact | Score | Treatment | Controls | Accepted by | Status |\n|---|---|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`);
}

const soa = md(
  { type: 'soa', id: 'SOA-001', title: 'SoA', ...front },
  `| Control | Title | Applicable | Justification | Status | Evidence |\n|---|---|---|---|---|---|\n${controls.map((c) => `| ${c.id} | ${c.title} | yes | R-001 | implemented | [p](policy.md) |`).join('\n')}\n`,
);
const policy = md({ type: 'policy', id: 'POL-001', title: 'Information Security Policy', controls: controls.map((c) => c.id), ...front }, '# Policy\n');

const workspace = workspaceOf({ 'register.md': register(-1), 'soa.md': soa, 'policy.md': policy });
const times = (n: number, f: (i: number) => void) =>
  Array.from({ length: n }, (_, i) => {
    const t0 = performance.now();
    f(i);
    return performance.now() - t0;
  }).sort((a, b) => a - b);
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))];

checkWorkspace(workspace, { today }); // warm up the JIT
const full = times(30, () => checkWorkspace(workspace, { today }));
const edit = times(60, (i) => {
  workspace.setMarkdown('register.md', register(i % 500));
  checkWorkspace(workspace, { today });
});
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log('| 93-row SoA + 500-row register | median | p95 |');
console.log('|---|---|---|');
console.log(`| all rules, whole workspace | ${fmt(pct(full, 0.5))} | ${fmt(pct(full, 0.95))} |`);
console.log(`| edit the register: re-parse it and re-run all rules | ${fmt(pct(edit, 0.5))} | ${fmt(pct(edit, 0.95))} |`);
