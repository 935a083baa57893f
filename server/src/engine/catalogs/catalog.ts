// Control catalogs: ISO/IEC 27001:2022 Annex A (the default), ISO/IEC 42001:2023 Annex A (opt-in, written with
// an explicit `42001:` prefix so its IDs can never be mistaken for 27001 ones), the 2013 -> 2022 mapping, and
// custom controls a workspace declares in its configuration.
import iso27001Data from './data/iso27001-2022.json';
import legacyData from './data/iso27001-2013.json';
import iso42001Data from './data/iso42001-2023.json';

export interface Control {
  /** Normalised ID as written in references: `A.8.28`, `42001:A.6.2.4`, or a custom ID. */
  id: string;
  title: string;
  /** ISO 27001 theme (Organizational, People, Physical, Technological) or ISO 42001 objective. */
  theme: string;
  catalog: string;
  aliases?: string[];
}

export interface Catalog {
  id: string;
  name: string;
  /** Prefix a reference carries in text, e.g. `42001:`; empty for ISO 27001. */
  prefix: string;
  controls: Control[];
}

export interface LegacyMapping {
  id: string;
  title: string;
  newIds: string[];
}

export const ISO27001_2022 = 'iso27001-2022';
export const ISO42001_2023 = 'iso42001-2023';
export const ISO42001_PREFIX = '42001:';

function build(data: { id: string; name: string; controls: Omit<Control, 'catalog'>[] }, prefix: string): Catalog {
  return {
    id: data.id,
    name: data.name,
    prefix,
    controls: data.controls.map((c) => ({ ...c, id: prefix + c.id, catalog: data.id })),
  };
}

export const BUILTIN_CATALOGS: ReadonlyMap<string, Catalog> = new Map([
  [ISO27001_2022, build(iso27001Data, '')],
  [ISO42001_2023, build(iso42001Data, ISO42001_PREFIX)],
]);

export const ISO27001_THEMES = ['Organizational', 'People', 'Physical', 'Technological'] as const;

const legacyById = new Map<string, LegacyMapping>(legacyData.mappings.map((m) => [m.id, m]));
/** Titles of the 2013 domains (`A.9` Access control) and control objectives (`A.7.1` Prior to employment). */
export const LEGACY_GROUP_TITLES: ReadonlyMap<string, string> = new Map(legacyData.groups.map((g) => [g.id, g.title]));

/** A 2013 control (`A.12.6.1`), category (`A.12.6`) or domain (`A.12`), a group mapped to the union of its controls' 2022 IDs. */
export function lookupLegacy(id: string): LegacyMapping | undefined {
  const exact = legacyById.get(id);
  if (exact) return exact;
  const children = legacyData.mappings.filter((m) => m.id.startsWith(id + '.'));
  if (children.length === 0) return undefined;
  const title = LEGACY_GROUP_TITLES.get(id);
  return { id, title: title ? `"${title}", ${children.length} controls` : `category of ${children.length} controls`, newIds: [...new Set(children.flatMap((c) => c.newIds))] };
}

export const LEGACY_MAPPINGS: readonly LegacyMapping[] = legacyData.mappings;

export interface CustomControl {
  id: string;
  title: string;
  theme?: string;
}

/** The controls a workspace can reference: its enabled catalogs plus its custom controls. */
export class ControlCatalogs {
  private readonly byId = new Map<string, Control>();
  readonly catalogs: Catalog[];

  constructor(enabled: readonly string[], custom: readonly CustomControl[] = []) {
    this.catalogs = enabled.flatMap((id) => BUILTIN_CATALOGS.get(id) ?? []);
    for (const catalog of this.catalogs) for (const c of catalog.controls) this.byId.set(c.id, c);
    for (const c of custom) this.byId.set(c.id, { id: c.id, title: c.title, theme: c.theme ?? 'Custom', catalog: 'custom' });
  }

  get(id: string): Control | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all(): Control[] {
    return [...this.byId.values()];
  }

  isEnabled(catalogId: string): boolean {
    return this.catalogs.some((c) => c.id === catalogId);
  }

  /** The ISO 27001:2022 controls, the set an SoA must cover. */
  annexA(): Control[] {
    return BUILTIN_CATALOGS.get(ISO27001_2022)!.controls;
  }
}
