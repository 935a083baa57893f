import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../model';
import { findingsOnLines, healthKind, healthOf, sumHealth } from './health';

const finding = (code: string, severity: Diagnostic['severity'], line = 0): Diagnostic => ({
  code,
  severity,
  path: 'a.md',
  message: code,
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
});

describe('health: the worst finding on an item, by kind', () => {
  it('counts overdue and placeholder findings as their own kinds, whatever their severity', () => {
    assert.equal(healthKind(finding('review-overdue', 'warning')), 'overdue');
    assert.equal(healthKind(finding('action-overdue', 'error')), 'overdue');
    assert.equal(healthKind(finding('template-placeholder', 'warning')), 'placeholder');
    assert.equal(healthKind(finding('link-broken', 'error')), 'error');
    assert.equal(healthKind(finding('scope-evidence-missing', 'info')), undefined, 'information is not counted');
  });

  it('names the worst kind: error, then overdue, then warning, then placeholder', () => {
    assert.deepEqual(healthOf([finding('template-placeholder', 'warning'), finding('owner-missing', 'warning')]), { worst: 'warning', errors: 0, overdue: 0, warnings: 1, placeholders: 1 });
    assert.equal(healthOf([finding('template-placeholder', 'warning'), finding('review-overdue', 'warning')]).worst, 'overdue');
    assert.equal(healthOf([finding('review-overdue', 'warning'), finding('link-broken', 'error')]).worst, 'error');
    assert.deepEqual(healthOf([finding('x', 'hint')]), { errors: 0, overdue: 0, warnings: 0, placeholders: 0 }, 'clean: no worst');
  });

  it('a parent is never plainer than its worst child', () => {
    const clean = healthOf([]);
    const red = healthOf([finding('link-broken', 'error')]);
    const sum = sumHealth([clean, healthOf([finding('template-placeholder', 'warning')]), red]);
    assert.equal(sum.worst, 'error');
    assert.equal(sum.errors + sum.placeholders, 2);
  });

  it('places findings on the lines of a row or section', () => {
    const list = [finding('a', 'error', 3), finding('b', 'error', 5), finding('c', 'error', 9)];
    assert.deepEqual(findingsOnLines(list, { start: { line: 5, character: 0 }, end: { line: 8, character: 4 } }).map((d) => d.code), ['b']);
  });
});
