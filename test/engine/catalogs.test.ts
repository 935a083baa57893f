// The shipped catalog data: structure checked here, without the reference lists it was built from.
import { strict as assert } from 'node:assert';
import { BUILTIN_CATALOGS, ControlCatalogs, ISO27001_2022, ISO42001_2023, LEGACY_MAPPINGS, lookupLegacy } from '../../server/src/engine/catalogs/catalog';

describe('catalogs', () => {
  const annexA = BUILTIN_CATALOGS.get(ISO27001_2022)!.controls;

  it('ships the 93 ISO/IEC 27001:2022 controls: 37 + 8 + 14 + 34', () => {
    assert.equal(annexA.length, 93);
    const byTheme = (t: string) => annexA.filter((c) => c.theme === t).length;
    assert.deepEqual([byTheme('Organizational'), byTheme('People'), byTheme('Physical'), byTheme('Technological')], [37, 8, 14, 34]);
    assert.equal(new Set(annexA.map((c) => c.id)).size, 93);
    for (const [theme, prefix, count] of [['Organizational', 'A.5.', 37], ['People', 'A.6.', 8], ['Physical', 'A.7.', 14], ['Technological', 'A.8.', 34]] as const) {
      const ids = annexA.filter((c) => c.theme === theme).map((c) => c.id);
      assert.deepEqual(ids, Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`));
    }
    assert.ok(annexA.every((c) => c.title.length > 3));
    assert.equal(annexA.find((c) => c.id === 'A.8.28')!.title, 'Secure coding');
  });

  it('maps all 114 ISO/IEC 27001:2013 controls to existing 2022 controls', () => {
    assert.equal(LEGACY_MAPPINGS.length, 114);
    const ids = new Set(annexA.map((c) => c.id));
    for (const m of LEGACY_MAPPINGS) {
      assert.match(m.id, /^A\.\d+\.\d+\.\d+$/);
      assert.ok(m.newIds.length >= 1 && m.newIds.every((id) => ids.has(id)), m.id);
    }
    // Every 2022 control except the 11 new ones has a 2013 ancestor.
    const mapped = new Set(LEGACY_MAPPINGS.flatMap((m) => m.newIds));
    assert.equal(annexA.filter((c) => !mapped.has(c.id)).length, 11);
  });

  it('resolves 2013 categories to the union of their controls', () => {
    assert.deepEqual(lookupLegacy('A.9.2')!.newIds.sort(), ['A.5.16', 'A.5.17', 'A.5.18', 'A.8.2'].sort());
    assert.equal(lookupLegacy('A.19.1'), undefined);
  });

  it('ships ISO/IEC 42001:2023 Annex A (38 controls) behind its own prefix', () => {
    const ai = BUILTIN_CATALOGS.get(ISO42001_2023)!.controls;
    assert.equal(ai.length, 38);
    assert.ok(ai.every((c) => c.id.startsWith('42001:A.')));
    const enabled = new ControlCatalogs([ISO27001_2022, ISO42001_2023]);
    assert.ok(enabled.has('42001:A.6.2.4') && enabled.has('A.6.2') && !enabled.has('A.6.2.4'));
    assert.ok(!new ControlCatalogs([ISO27001_2022]).has('42001:A.6.2.4'));
  });

  it('knows title variants', () => {
    assert.deepEqual(annexA.find((c) => c.id === 'A.8.1')!.aliases, ['User endpoint devices']);
  });
});
