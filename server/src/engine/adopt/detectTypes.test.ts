import { strict as assert } from 'node:assert';
import { proposeConfig } from './detect';

describe('isms init: document types of registers and logs by file name', () => {
  it('types supplier registers, asset inventories, action logs and context documents', () => {
    const files = ['records/supplier-register.md', 'records/asset-inventory.md', 'records/corrective-actions.md', 'isms/context-of-the-organisation.md', 'policies/access.md'].map((path) => ({ path, text: '# x\n' }));
    const globs = proposeConfig(files).config.typeGlobs as Record<string, string>;
    assert.deepEqual(Object.values(globs).sort(), ['action-log', 'asset-inventory', 'context', 'policy', 'supplier-register']);
  });
});
