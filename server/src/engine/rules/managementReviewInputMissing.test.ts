import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'management-review-input-missing';
const mr = (body: string) => md({ type: 'management-review', id: 'MR-1', title: 'MR', owner: 'CEO', date: '2026-10-01' }, `# Management review\n\n${body}\n`);
export const FULL_AGENDA = `## Inputs
### a) Status of actions from previous reviews
### b) Changes in external and internal issues
### c) Changes in needs and expectations of interested parties
### d) Information security performance
- Nonconformities and corrective actions: none open.
- Monitoring and measurement: all metrics green.
- Audit results: two minor nonconformities.
- Objectives: on track.
### e) Feedback from interested parties
### f) Risk assessment and treatment
### g) Opportunities for improvement
## Outputs and decisions
`;

describe(code, () => {
  it('is silent when every clause 9.3.2 input has a heading or agenda item', () => {
    assert.deepEqual(check({ 'mr.md': mr(FULL_AGENDA) }, { code }), []);
  });

  it('reports each missing input by name', () => {
    const found = check({ 'mr.md': mr(FULL_AGENDA.replace('### e) Feedback from interested parties\n', '').replace('- Audit results: two minor nonconformities.\n', '')) }, { code });
    assert.deepEqual(found.map((d) => d.data?.input), ['audit-results', 'feedback']);
    assert.match(found[1].message, /"Feedback from interested parties" \(ISO\/IEC 27001 clause 9\.3\.2 e\)/);
  });

  it('reads an agenda table and other languages', () => {
    const table = '| Punkt | Ergebnis |\n|---|---|\n| Maßnahmen aus der vorherigen Managementbewertung | ok |\n| Interne und externe Themen | ok |\n| Interessierte Parteien | ok |\n| Nichtkonformitäten und Korrekturmaßnahmen | ok |\n| Überwachung und Messung | ok |\n| Auditergebnisse | ok |\n| Zielerreichung | ok |\n| Rückmeldungen | ok |\n| Risikobeurteilung | ok |\n| Verbesserung | ok |\n';
    assert.deepEqual(check({ 'mr.md': mr(table) }, { code }), []);
  });
});
