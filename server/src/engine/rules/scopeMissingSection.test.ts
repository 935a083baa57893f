import { strict as assert } from 'node:assert';
import { check, md } from '../testing/fixtures';

const code = 'scope-missing-section';
const front = { type: 'scope', id: 'SCOPE-1', title: 'ISMS Scope', owner: 'CISO', next_review: '2027-06-01' };
const complete = `# Scope statement
## Boundaries
### Organisational boundaries
## Interfaces and dependencies
## Internal and external issues
## Interested parties and their requirements
## Exclusions
## Management approval
`;

describe(code, () => {
  it('is silent on a complete scope', () => {
    assert.deepEqual(check({ 's.md': md(front, complete) }, { code }), []);
  });

  it('reports each missing section by name', () => {
    const found = check({ 's.md': md(front, complete.replace('## Interfaces and dependencies\n', '').replace('## Exclusions\n', '')) }, { code });
    assert.deepEqual(found.map((d) => d.data?.section), ['interfaces', 'exclusions']);
    assert.match(found[0].message, /Interfaces and dependencies/);
  });

  it('accepts synonyms, numbering and any heading level, case-insensitively', () => {
    const synonyms = `#### 1. ISMS SCOPE
##### 2 Applicability
## Dependencies on suppliers
## Context of the organisation
## Stakeholders
## Out of scope
## Sign-off
`;
    assert.deepEqual(check({ 's.md': md(front, synonyms) }, { code }), []);
  });

  it('reads a scope stated dimension by dimension (organisational, technical, geographic) as its statement and boundaries', () => {
    const byDimension = complete.replace('# Scope statement\n## Boundaries\n### Organisational boundaries\n', '# Scope of the Information Security Management System\n## 2. Organizational Scope\n## 3. Technical and System Scope\n## 5. Geographic Scope\n');
    assert.deepEqual(check({ 's.md': md(front, byDimension) }, { code }), []);
    // A scope review section is neither.
    const reviewOnly = complete.replace('# Scope statement\n## Boundaries\n### Organisational boundaries\n', '# Scope document\n## Scope review\n');
    assert.deepEqual(check({ 's.md': md(front, reviewOnly) }, { code }).map((d) => d.data?.section), ['statement', 'boundaries']);
  });

  it('takes an approver stated in the metadata (a bold header line) as the approval', () => {
    const noApproval = complete.replace('## Management approval\n', '');
    assert.deepEqual(check({ 's.md': md({ ...front, approved_by: 'Managing Director' }, noApproval) }, { code }), []);
    assert.deepEqual(check({ 's.md': md(front, noApproval) }, { code }).map((d) => d.data?.section), ['approval']);
  });

  it('accepts the sections in German, French, Spanish, Portuguese, Dutch, Italian and Japanese', () => {
    const languages = {
      de: ['Geltungsbereich', 'Abgrenzung', 'Schnittstellen und Abhängigkeiten', 'Interne und externe Themen', 'Interessierte Parteien', 'Ausschlüsse', 'Freigabe'],
      fr: ["Périmètre du SMSI", 'Limites', 'Interfaces et dépendances', 'Enjeux internes et externes', 'Parties intéressées', 'Exclusions', 'Approbation'],
      es: ['Alcance del SGSI', 'Límites', 'Interfaces y dependencias', 'Cuestiones internas y externas', 'Partes interesadas', 'Exclusiones', 'Aprobación'],
      pt: ['Escopo do SGSI', 'Limites', 'Interfaces e dependências', 'Questões internas e externas', 'Partes interessadas', 'Exclusões', 'Aprovação'],
      nl: ['Reikwijdte', 'Afbakening', 'Afhankelijkheden', 'Interne en externe kwesties', 'Belanghebbenden', 'Uitsluitingen', 'Goedkeuring'],
      it: ['Campo di applicazione', 'Confini', 'Interfacce e dipendenze', 'Fattori interni ed esterni', 'Parti interessate', 'Esclusioni', 'Approvazione'],
      ja: ['ISMSの適用範囲', '境界', 'インターフェース及び依存関係', '内部及び外部の課題', '利害関係者', '適用除外', '承認'],
    };
    for (const [lang, headings] of Object.entries(languages)) {
      assert.deepEqual(check({ 's.md': md(front, headings.map((h) => `## ${h}\n`).join('')) }, { code }), [], lang);
    }
    // A Japanese scope without its interfaces section still misses that one.
    const missing = check({ 's.md': md(front, languages.ja.filter((h) => !h.includes('インターフェース')).map((h) => `## ${h}\n`).join('')) }, { code });
    assert.deepEqual(missing.map((d) => d.data?.section), ['interfaces']);
  });

  it('takes section headings of its own from scopeSections', () => {
    const text = md(front, complete.replace('## Interfaces and dependencies\n', '## Connections to suppliers\n'));
    assert.deepEqual(check({ 's.md': text }, { code }).map((d) => d.data?.section), ['interfaces']);
    assert.deepEqual(check({ 's.md': text }, { code, config: { scopeSections: { interfaces: ['Connections to suppliers'] } } }), []);
  });

  it('only applies to scope documents', () => {
    assert.deepEqual(check({ 's.md': md({ ...front, type: 'policy' }, '# Nothing\n') }, { code }), []);
  });
});
