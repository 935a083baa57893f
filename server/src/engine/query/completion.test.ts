import { strict as assert } from 'node:assert';
import { workspaceOf } from '../testing/fixtures';
import { registerDoc } from '../rules/auditFixtures';
import { complete } from './completion';

describe('completion in the ID column of a register', () => {
  const register = registerDoc([
    { id: 'R-001', likelihood: '2', impact: '3', score: '6' },
    { id: 'R-009', likelihood: '4', impact: '5', score: '20' },
  ]);

  /** Completion at the end of a new row `| typed` appended to the register's table. */
  const at = (typed: string) => {
    const lines = register.replace(/\n+$/, '').split('\n');
    const last = lines.map((l, i) => (l.startsWith('|') ? i : -1)).filter((i) => i >= 0).pop()!;
    lines.splice(last + 1, 0, `| ${typed}`);
    const text = lines.join('\n') + '\n';
    const workspace = workspaceOf({ 'risk/register.md': text });
    return complete(workspace, workspace.getDocument('risk/register.md'), text, { line: last + 1, character: 2 + typed.length }, 0);
  };

  it('offers the next free ID first, preselected', () => {
    const result = at('');
    assert.equal(result?.items[0].label, 'R-010');
    assert.equal(result?.items[0].preselect, true);
    assert.equal(result?.items[0].detail, 'next free ID');
  });

  it('and then the existing IDs that match what is typed', () => {
    const labels = at('R-0')?.items.map((i) => i.label) ?? [];
    assert.equal(labels[0], 'R-010');
    assert.ok(labels.includes('R-009'), labels.join(', '));
  });

  it('not once the typed text cannot become it', () => {
    assert.notEqual(at('X')?.items[0]?.label, 'R-010');
  });
});
