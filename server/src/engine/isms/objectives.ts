// Information security objectives (clause 6.2): rows of an objectives table, or sections of an `objectives`
// document that describe one objective each (`## O1: …` with `Measure:`, `Owner:`, `Due:` lines).
import type { IsmsDocument, Range } from '../model';
import { cellAt, findColumn, idColumn } from '../parse/tables';
import { parseCycle, parseIsoDate, type Cycle } from '../util/dates';
import { inSection, sectionsOf } from './sections';
import { isBlank } from './values';

export interface Objective {
  path: string;
  id?: string;
  title: string;
  range: Range;
  measure?: string;
  target?: string;
  owner?: string;
  due?: string;
  status?: string;
  /** How often it is measured, as written, and parsed. */
  frequency?: string;
  cycle?: Cycle;
  /** Last measurement (days since epoch), as written. */
  measuredOn?: number;
  measuredText?: string;
  measuredRange?: Range;
}

export const OBJECTIVE_COLUMNS = {
  objective: ['objective', 'objectives', 'security objective', 'information security objective', 'goal', 'ziel', 'sicherheitsziel', 'objectif', 'objetivo', 'doelstelling', 'obiettivo', 'objetivo de seguridad', '目標'],
  id: ['id', '#', 'no', 'ref', 'nr'],
  measure: ['measure and target', 'measure', 'measures', 'kpi', 'metric', 'indicator', 'measurement', 'success criteria', 'how measured', 'kennzahl', 'messgröße', 'indicateur', 'mesure', 'indicador', 'métrica', 'meetwaarde', 'indicatore', '指標', '測定方法'],
  target: ['target', 'target value', 'zielwert', 'cible', 'meta', 'streefwaarde', '目標値'],
  owner: ['owner', 'responsible', 'accountable', 'verantwortlich', 'responsable', 'eigenaar', 'responsabile', '責任者'],
  due: ['due', 'due date', 'deadline', 'target date', 'by when', 'timeline', 'frist', 'termin', 'échéance', 'fecha límite', 'plazo', 'scadenza', '期限'],
  frequency: ['measurement frequency', 'frequency', 'cadence', 'measured', 'review frequency', 'häufigkeit', 'messhäufigkeit', 'fréquence', 'frecuencia', 'frequentie', '頻度'],
  measured: ['last measured', 'measured on', 'last measurement', 'zuletzt gemessen', 'dernière mesure', 'última medición', 'laatst gemeten', '最終測定日'],
  status: ['status', 'progress', 'state', 'stand', 'statut', 'estado', '状況'],
} as const;

const SECTION_OBJECTIVE = /^(?:o|obj|iso|is-?o|objective|ziel|objectif|objetivo)[\s.-]*\d+\b|^(?:objective|ziel|objectif|objetivo|doelstelling)\b/iu;
const keyIn = (names: readonly string[], key: string) => names.some((n) => key === n || key.startsWith(n + ' '));

/** Frequency words in the cycle grammar of review dates, plus `weekly`. */
export function frequencyCycle(text: string | undefined): Cycle | undefined {
  if (!text) return undefined;
  const v = text.trim().toLowerCase();
  if (/^weekly|^wöchentlich|^hebdomadaire|^semanal/.test(v)) return { days: 7 };
  if (/^monatlich|^mensuel|^mensual/.test(v)) return { months: 1 };
  if (/^quartalsweise|^vierteljährlich|^trimestriel|^trimestral/.test(v)) return { months: 3 };
  if (/^jährlich|^annuel|^anual/.test(v)) return { months: 12 };
  return parseCycle(v.split(/[\s(,;]/)[0]);
}

const cache = new WeakMap<IsmsDocument, Objective[]>();

export function readObjectives(doc: IsmsDocument): Objective[] {
  let found = cache.get(doc);
  if (found) return found;
  found = [];
  if (doc.type === 'objectives') {
    for (const table of doc.tables) {
      const col = (k: keyof typeof OBJECTIVE_COLUMNS) => findColumn(table, OBJECTIVE_COLUMNS[k]);
      const objective = col('objective');
      if (objective < 0) continue;
      const [measure, target, owner, due, frequency, measured, status] = (['measure', 'target', 'owner', 'due', 'frequency', 'measured', 'status'] as const).map(col);
      const id = idColumn(table, OBJECTIVE_COLUMNS.id);
      for (const row of table.rows) {
        const text = (i: number) => {
          const v = cellAt(row.cells, i)?.text;
          return v !== undefined && !isBlank(v) ? v : undefined;
        };
        const title = text(objective);
        if (!title) continue;
        const measuredCell = cellAt(row.cells, measured);
        found.push({
          path: doc.path,
          id: text(id),
          title,
          range: row.range,
          measure: text(measure),
          target: text(target),
          owner: text(owner),
          due: text(due),
          status: text(status),
          frequency: text(frequency),
          cycle: frequencyCycle(text(frequency)),
          measuredOn: measuredCell ? parseIsoDate(/\d{4}-\d{2}-\d{2}/.exec(measuredCell.text)?.[0]) : undefined,
          measuredText: text(measured),
          measuredRange: measuredCell?.range,
        });
      }
    }
    // Without an objectives table, sections that describe one objective each.
    if (found.length === 0) {
      for (const section of sectionsOf(doc)) {
        if (section.heading.depth < 2) continue;
        const fields = doc.statements.filter((s) => s.kind === 'field' && inSection(section, s.range) && !doc.headings.some((h) => h.depth > section.heading.depth && h.range.start.line <= s.range.start.line && h.range.start.line > section.startLine && SECTION_OBJECTIVE.test(h.text)));
        const get = (names: readonly string[]) => fields.find((f) => keyIn(names, f.key ?? ''));
        const measureField = get(OBJECTIVE_COLUMNS.measure);
        if (!SECTION_OBJECTIVE.test(section.title) && !measureField) continue;
        const measuredField = get(OBJECTIVE_COLUMNS.measured);
        const frequency = get(OBJECTIVE_COLUMNS.frequency)?.value;
        found.push({
          path: doc.path,
          id: /^[\p{L}-]*\d+/u.exec(section.heading.text)?.[0],
          title: section.heading.text,
          range: section.heading.range,
          measure: measureField?.value,
          target: get(OBJECTIVE_COLUMNS.target)?.value,
          owner: get(OBJECTIVE_COLUMNS.owner)?.value,
          due: get(OBJECTIVE_COLUMNS.due)?.value,
          status: get(OBJECTIVE_COLUMNS.status)?.value,
          frequency,
          cycle: frequencyCycle(frequency),
          measuredOn: measuredField ? parseIsoDate(/\d{4}-\d{2}-\d{2}/.exec(measuredField.value)?.[0]) : undefined,
          measuredText: measuredField?.value,
          measuredRange: measuredField?.range,
        });
      }
    }
    // A document for one objective: its frontmatter carries the fields.
    const data = doc.frontmatter?.data ?? {};
    if (found.length === 0 && (data.measure !== undefined || data.target !== undefined)) {
      const str = (k: string) => (data[k] === undefined || data[k] === null || isBlank(String(data[k])) ? undefined : String(data[k] instanceof Date ? (data[k] as Date).toISOString().slice(0, 10) : data[k]));
      found.push({
        path: doc.path,
        id: doc.id,
        title: doc.title ?? doc.path,
        range: doc.frontmatter!.range,
        measure: str('measure'),
        target: str('target'),
        owner: str('owner'),
        due: str('due'),
        frequency: str('measurement_frequency') ?? str('frequency'),
        cycle: frequencyCycle(str('measurement_frequency') ?? str('frequency')),
        measuredOn: parseIsoDate(data.measured_on),
        measuredText: str('measured_on'),
        measuredRange: doc.frontmatter?.fields.get('measured_on')?.valueRange,
      });
    }
  }
  cache.set(doc, found);
  return found;
}
