import { strict as assert } from 'node:assert';
import { parseDocument } from '../parse/document';
import { conventionsFrom } from './conventions';
import { defaultConfig, type IsmsConfig } from '../config/schema';

const parse = (path: string, text: string, config: Partial<IsmsConfig>) =>
  parseDocument(path, text, { riskIdPattern: 'R-\\d+', conventions: conventionsFrom({ ...defaultConfig(), ...config }) });

describe('adoption conventions', () => {
  it('renames aliased fields, keeping their ranges; an explicit field wins', () => {
    const doc = parse('p.md', '---\ntype: policy\ndocument_id: POL-1\nid: POL-2\nannex_a_controls: 5.1, A.8.28\n---\n', { fieldAliases: { document_id: 'id', annex_a_controls: 'controls' } });
    assert.equal(doc.id, 'POL-2');
    assert.deepEqual(doc.references.map((r) => r.id), ['A.5.1', 'A.8.28']);
    assert.equal(doc.frontmatter!.fields.get('controls')!.keyRange.start.line, 4);
  });

  it('reads controls keyed by framework, prefixing ISO 42001 and ignoring others', () => {
    const doc = parse('p.md', '---\ntype: policy\ncontrols:\n  ISO27001: [A.5.1]\n  ISO42001: [A.6.2.4]\n  SOC2: [CC6.1]\n---\n', {});
    assert.deepEqual(doc.references.map((r) => r.id), ['A.5.1', '42001:A.6.2.4']);
  });

  it('infers types from globs, never for README.md', () => {
    const config = { typeGlobs: { '**/policies/**': 'policy' } };
    assert.equal(parse('policies/a.md', '# A\n', config).type, 'policy');
    assert.equal(parse('policies/README.md', '# A\n', config).type, undefined);
    assert.equal(parse('policies/b.md', '---\ntype: record\n---\n', config).type, 'record');
  });

  it('reads a horizontal document control table and a blockquote header, with the H1 as title', () => {
    const horizontal = '# Backup Policy\n\n| Document ID | Owner | Version |\n|---|---|---|\n| POL-9 | CTO | 2.0 |\n';
    const doc = parse('x.md', horizontal, { metadataSources: ['document-control-table'], typeGlobs: { '*.md': 'policy' } });
    assert.equal(doc.id, 'POL-9');
    assert.equal(doc.frontmatter!.data.owner, 'CTO');
    assert.equal(doc.title, 'Backup Policy');
    const quoted = parse('y.md', '# Y\n\n> Owner: Ops\n> **Version:** 3\n\nBody\n', { metadataSources: ['blockquote'], typeGlobs: { '*.md': 'procedure' } });
    assert.equal(quoted.frontmatter!.data.owner, 'Ops');
    assert.equal(quoted.frontmatter!.data.version, '3');
    assert.equal(quoted.frontmatter!.fields.get('owner')!.valueRange.start.line, 2);
  });

  it('reads YAML-first frontmatter only when configured', () => {
    const text = 'type: policy\nid: POL-1\n---\n# Body\n';
    assert.equal(parse('a.md', text, { frontmatterStyle: 'yaml-first' }).id, 'POL-1');
    assert.equal(parse('a.md', text, {}).id, undefined);
  });
});
