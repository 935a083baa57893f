import { strict as assert } from 'node:assert';
import { nameWords, typeFiles, typeFromFolder, typeFromName, typeGlobsFor, typingNotes, type Typing } from './typing';
import { conventionsFrom } from './conventions';
import { defaultConfig } from '../config/schema';

const file = (path: string, text: string, keys?: Record<string, unknown>) => ({ path, text, keys });
const kindOf = (t: Typing | undefined) => (t?.kind === 'typed' ? t.type : t?.kind);

describe('adoption: typing documents file by file', () => {
  it('reads numbered and decorated folder names as words, case-insensitively', () => {
    assert.equal(nameWords('02-Policies'), 'policies');
    assert.equal(nameWords('1_Policies'), 'policies');
    assert.equal(typeFromFolder('02-policies'), 'policy');
    assert.equal(typeFromFolder('1_Policies'), 'policy');
    assert.equal(typeFromFolder('policies_and_standards'), 'policy');
    assert.equal(typeFromFolder('03 Procedures'), 'procedure');
    assert.equal(typeFromFolder('Richtlinien'), 'policy');
    assert.equal(typeFromFolder('políticas'), 'policy');
    assert.equal(typeFromFolder('tools'), undefined);
    assert.equal(typeFromFolder('policyholders'), undefined, 'whole words only');
  });

  it('types names in English, German, Portuguese and Japanese; the head of the phrase decides', () => {
    assert.equal(typeFromName('Statement of Applicability')?.type, 'soa');
    assert.equal(typeFromName('SoA')?.type, 'soa');
    assert.equal(typeFromName('AccessControlPolicy')?.type, 'policy');
    assert.equal(typeFromName('Zugriffsrichtlinie')?.type, 'policy');
    assert.equal(typeFromName('Datensicherungsverfahren')?.type, 'procedure');
    assert.equal(typeFromName('Escopo do SGSI')?.type, 'scope');
    assert.equal(typeFromName('Erklärung zur Anwendbarkeit')?.type, 'soa');
    assert.equal(typeFromName('Declaração de Aplicabilidade')?.type, 'soa');
    assert.equal(typeFromName('適用宣言書')?.type, 'soa');
    assert.equal(typeFromName('アクセス管理ポリシー')?.type, 'policy');
    assert.equal(typeFromName('Política de Controle de Acesso')?.type, 'policy');
    assert.equal(typeFromName('Internal audit report 2026')?.type, 'audit');
    assert.equal(typeFromName('Internal audit procedure')?.type, 'procedure');
    assert.equal(typeFromName('Policy exception procedure')?.type, 'procedure');
    assert.equal(typeFromName('Risk treatment plan')?.type, 'risk-treatment-plan');
    assert.equal(typeFromName('Audit logging policy')?.type, 'policy');
    assert.equal(typeFromName('Password standard')?.type, 'policy');
    assert.equal(typeFromName('Risk Assessment Report 2026')?.type, 'risk-register');
    assert.equal(typeFromName('Risk assessment and treatment methodology')?.type, 'procedure');
    assert.equal(typeFromName('05_Information_Security_Policy')?.type, 'policy');
    assert.equal(typeFromFolder('Risks'), 'risk');
  });

  it('takes scope and objectives only as the security ones: an API token scope and quality objectives are not', () => {
    assert.equal(typeFromName('isms-scope')?.type, 'scope');
    assert.equal(typeFromName('scope')?.type, 'scope');
    assert.equal(typeFromName('Geltungsbereich des ISMS')?.type, 'scope');
    assert.equal(typeFromName('token_scope_specification'), undefined);
    assert.equal(typeFromName('Token scope specification'), undefined);
    assert.equal(typeFromName('Information security objectives')?.type, 'objectives');
    assert.equal(typeFromName('quality-objectives'), undefined);
    assert.equal(typeFromName('Quality objectives'), undefined);
  });

  it('types a mixed folder file by file: a file named and titled as the SoA or the scope in policies/ is not a policy', () => {
    const typing = typeFiles([
      file('02-Policies/access-control.md', '# Access Control Policy\n\nText.\n'),
      file('02-Policies/soa.md', '# Statement of Applicability\n\n| Control | Applicable |\n|---|---|\n| A.5.1 | Yes |\n'),
      file('02-Policies/isms-scope.md', '# ISMS Scope\n\nText.\n'),
      file('02-Policies/remote-work.md', 'Text without a heading.\n'),
    ]);
    assert.equal(kindOf(typing.get('02-Policies/access-control.md')), 'policy');
    assert.equal(kindOf(typing.get('02-Policies/soa.md')), 'soa');
    assert.equal(kindOf(typing.get('02-Policies/isms-scope.md')), 'scope');
    assert.equal(kindOf(typing.get('02-Policies/remote-work.md')), 'policy', 'the folder types what names nothing');
  });

  it('never types navigation pages, link lists, issue templates or CI folders', () => {
    const typing = typeFiles([
      file('policies/index.md', '# Policies\n\nAll policies.\n'),
      file('policies/_index.md', '# Policies\n'),
      file('policies/overview.md', '# Policies\n\n- [Access](access.md)\n- [Backup](backup.md)\n- [Crypto](crypto.md)\n- [Email](email.md)\n'),
      file('.github/ISSUE_TEMPLATE/policy-exception.md', '# Policy exception request\n'),
      file('.gitlab/merge_request_templates/policy.md', '# Policy change\n'),
      file('policies/access.md', '# Access Control Policy\n\nText.\n'),
    ]);
    for (const path of ['policies/index.md', 'policies/_index.md', 'policies/overview.md', '.github/ISSUE_TEMPLATE/policy-exception.md', '.gitlab/merge_request_templates/policy.md']) {
      assert.equal(kindOf(typing.get(path)), 'untyped', path);
    }
    assert.equal(kindOf(typing.get('policies/access.md')), 'policy');
  });

  it('finds reference material (guides, mappings, training, vendor notes) and never types it', () => {
    const mapping = '# What changed\n\n| Old | New |\n|---|---|\n| A.12.6.1 | 8.8 |\n| A.18.2.3 | 8.8 |\n| A.9.4.2 | 8.5 |\n| A.11.2.9 | 7.7 |\n| A.14.2.8 | 8.29 |\n';
    const typing = typeFiles([
      file('soa/en.md', '# Statement of Applicability, field guide\n', { title: 'Statement of Applicability, field guide' }),
      file('policies/en.md', '# Policy, pattern\n', { title: 'Policy, pattern' }),
      file('policies/example.en.md', '# Example: policy on remote access\n', { title: 'Policy, example: remote access' }),
      file('reference/iso27001-2013-to-2022-mapping.md', '# Mapping\n'),
      file('notes/what-changed.md', mapping),
      file('training/awareness-training-material.md', '# Phishing\n'),
      file('vendors/firewall-configuration-notes.md', '# Firewall\n'),
      file('standards/ISO27001 Annex A Controls.md', '# Controls\n'),
      file('metrics/risk-patterns.md', '# Risk patterns in our metrics\n'),
      file('sales/skus.md', '# SKU マッピング\n'),
    ]);
    for (const path of ['soa/en.md', 'policies/en.md', 'reference/iso27001-2013-to-2022-mapping.md', 'notes/what-changed.md', 'training/awareness-training-material.md', 'vendors/firewall-configuration-notes.md', 'standards/ISO27001 Annex A Controls.md']) {
      assert.equal(kindOf(typing.get(path)), 'reference', path);
    }
    assert.equal(kindOf(typing.get('policies/example.en.md')), 'policy');
    assert.equal(kindOf(typing.get('metrics/risk-patterns.md')), 'untyped', 'a pattern word next to no document type is no guide');
    assert.equal(kindOf(typing.get('sales/skus.md')), 'untyped', 'a mapping of no standard is no reference');
  });

  it('learns types from controlled-document flags and clause fields; where documents are flagged, only they are typed', () => {
    const flagged = (path: string, title: string) => file(path, '', { title, controlled_document: true });
    const typing = typeFiles([
      flagged('isms.md', 'Information security management system'),
      flagged('a/access-management-policy.md', 'Access management policy'),
      flagged('b/severity-matrix.md', 'Severity matrix'),
      file('c/runbooks/triage.md', '# Triage runbook\n', { title: 'Triage runbook' }),
      file('d/risk-register.md', '# Risk register\n'),
      file('e/retired.md', '', { title: 'Old policy', controlled_document: false }),
    ]);
    assert.equal(kindOf(typing.get('isms.md')), 'scope');
    assert.equal(kindOf(typing.get('a/access-management-policy.md')), 'policy');
    assert.equal(kindOf(typing.get('b/severity-matrix.md')), 'procedure');
    assert.equal(kindOf(typing.get('c/runbooks/triage.md')), 'untyped', 'not flagged, and no name of one ISMS document');
    assert.equal(kindOf(typing.get('d/risk-register.md')), 'risk-register');
    assert.equal(kindOf(typing.get('e/retired.md')), 'untyped');
    const clauses = typeFiles([file('method.md', '', { title: 'Risk method', clauses: ['6.1.2'] })]);
    assert.equal(kindOf(clauses.get('method.md')), 'procedure');
  });

  it('proposes readable typeGlobs: a folder glob for a uniform folder, exact paths first for the rest', () => {
    const typing = typeFiles([
      file('1_Procedures/a.md', '# Backup\n'),
      file('1_Procedures/b.md', '# Restore\n'),
      file('1_Procedures/_index.md', '# Procedures\n'),
      file('policies/access.md', '# Access Control Policy\n'),
      file('policies/soa.md', '# Statement of Applicability\n'),
      file('reference/a.md', '# Annex A extract\n'),
      file('reference/b.md', '# Controls extract\n'),
    ]);
    const { typeGlobs, exclude } = typeGlobsFor(typing);
    assert.deepEqual(Object.entries(typeGlobs), [['policies/access.md', 'policy'], ['policies/soa.md', 'soa'], ['1_Procedures/*', 'procedure']]);
    assert.deepEqual(exclude, ['reference/*.md']);
  });

  it('matches typeGlobs case-insensitively, an exact path before a folder glob, and never types navigation pages', () => {
    const conventions = conventionsFrom({ ...defaultConfig(), typeGlobs: { '**/policies/**': 'policy', 'Policies/SoA.md': 'soa' } });
    assert.equal(conventions.inferType('policies/soa.md'), 'soa');
    assert.equal(conventions.inferType('POLICIES/access.md'), 'policy');
    assert.equal(conventions.inferType('policies/_index.md'), undefined);
    assert.equal(conventions.inferType('policies/index.md'), undefined);
  });

  it('sets templates and samples aside when the ISMS has its own document of that type, and keeps a template kit typed', () => {
    const typing = typeFiles([
      file('ISMS/Policies/Access_Policy.md', '# Access Control Policy\n'),
      file('ISMS/templates/Policy_Template.md', '# Policy Template (Professional)\n'),
      file('ISMS/Annexes/Annex_C_SoA.md', '# Annex C – Statement of Applicability (SoA) (sample)\n'),
      file('ISMS/templates/SoA_Template.md', '# SoA Template\n'),
      file('ISMS/registers/risk_register.md', '# Risk Register\n'),
      file('ISMS/vorlagen/risikoregister.md', '# Risikoregister\n'),
      file('kit/templates/supplier-register.md', '# Supplier Register\n'),
    ]);
    assert.deepEqual(Object.fromEntries([...typing].map(([p, t]) => [p, t.kind === 'template' ? `template of ${t.type}` : kindOf(t)])), {
      'ISMS/Policies/Access_Policy.md': 'policy',
      'ISMS/templates/Policy_Template.md': 'template of policy',
      // Only its heading says "sample": weaker evidence than a templates folder, so it is the ISMS's SoA.
      'ISMS/Annexes/Annex_C_SoA.md': 'soa',
      'ISMS/templates/SoA_Template.md': 'template of soa',
      'ISMS/registers/risk_register.md': 'risk-register',
      'ISMS/vorlagen/risikoregister.md': 'template of risk-register',
      'kit/templates/supplier-register.md': 'supplier-register',
    });
    const { typeGlobs, exclude } = typeGlobsFor(typing);
    assert.ok(exclude.includes('ISMS/templates/*.md') && exclude.includes('ISMS/vorlagen/risikoregister.md'), exclude.join());
    assert.equal(typeGlobs['kit/templates/supplier-register.md'], 'supplier-register');
    const notes = typingNotes(typing).join('\n');
    assert.match(notes, /3 files are templates or samples of documents the ISMS has its own of; proposed for exclude/);
    assert.match(notes, /kit\/templates\/supplier-register\.md is a template or sample, but no other supplier-register is here/);
  });
});
