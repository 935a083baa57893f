// Which column of an SoA or a risk register holds what, in the languages ISMSs are written in (English, German,
// French, Spanish, Portuguese, Dutch, Italian, Japanese), then by content where no header names it: a column
// of control IDs, of yes/no values, of 1–5 scores. `soaColumns` / `riskColumns` in .isms.yaml add header names.
// The parser resolves the roles of every table of an SoA, register or plan once (Table.columns); the readers
// in isms/ use those roles and never match headers themselves.
import type { Table } from '../model';
import { normaliseHeader } from '../parse/tables';
import { otherStandardIn } from './notation';

export const SOA_FIELDS = ['control', 'applicable', 'justification', 'status', 'evidence', 'document'] as const;
export type SoaField = (typeof SOA_FIELDS)[number];
export const RISK_FIELDS = ['id', 'description', 'owner', 'likelihood', 'impact', 'score', 'treatment', 'controls', 'acceptedBy', 'status'] as const;
export type RiskColumn = (typeof RISK_FIELDS)[number];

/** Header names per SoA column, most specific first within a language. */
export const SOA_HEADERS: Record<SoaField, readonly string[]> = {
  control: [
    'control', 'control id', 'annex a control', 'iso 27001 control', 'control no', 'control number', 'control ref', 'annex a', 'annex a ref', 'id', 'ref', 'reference', 'clause',
    'maßnahme', 'massnahme', 'kontrolle', 'anhang a', 'referenz',
    'mesure', 'contrôle', 'controle', 'annexe a', 'référence',
    'control', 'referencia', 'anexo a',
    'controlo', 'referência',
    'beheersmaatregel', 'maatregel', 'referentie', 'bijlage a',
    'controllo', 'riferimento', 'allegato a',
    '管理策番号', '管理策', '附属書a',
  ],
  applicable: [
    'applicable', 'applicability', 'applicable y n', 'included', 'selected', 'in scope', 'applies', 'appl', 'applic',
    'anwendbar', 'anwendbarkeit', 'zutreffend', 'relevant',
    'applicabilité', 'applicabilite', 'retenu',
    'aplicable', 'aplicabilidad', 'aplica',
    'aplicável', 'aplicavel', 'aplicabilidade', 'aplica se',
    'van toepassing', 'toepasbaar', 'toepasselijk', 'toepasbaarheid',
    'applicabile', 'applicabilità', 'applicabilita',
    '適用', '適用可否', '適用有無', '採否', '適用性', '採用',
  ],
  justification: [
    'justification', 'reason', 'rationale', 'justification for inclusion', 'justification for exclusion', 'reason for selection', 'comments', 'comment', 'notes',
    'begründung', 'begruendung', 'rechtfertigung', 'grund', 'bemerkung', 'bemerkungen',
    'raison', 'motif', 'commentaire', 'commentaires',
    'justificación', 'justificacion', 'razón', 'razon', 'motivo', 'comentarios',
    'justificativa', 'justificação', 'justificacao', 'razão', 'razao', 'observações', 'observacoes',
    'rechtvaardiging', 'motivatie', 'reden', 'onderbouwing', 'toelichting', 'opmerkingen',
    'giustificazione', 'motivazione', 'note',
    '理由', '適用理由', '除外理由', '根拠', '備考',
  ],
  status: [
    'status', 'implementation status', 'implementation', 'implemented', 'state',
    'umsetzung', 'umsetzungsstatus', 'umgesetzt', 'stand',
    'statut', 'état', 'etat', 'mise en œuvre', 'mise en oeuvre', 'implémenté', 'implémentation',
    'estado', 'implementación', 'implementacion', 'implementado',
    'implementação', 'implementacao', 'situação', 'situacao',
    'implementatie', 'geïmplementeerd', 'geimplementeerd',
    'stato', 'implementazione', 'implementato', 'attuazione',
    '状況', '実施状況', '導入状況', '対応状況', 'ステータス', '実施',
  ],
  evidence: [
    'evidence', 'evidence link', 'evidence reference', 'proof',
    'nachweis', 'nachweise', 'beleg', 'belege',
    'preuve', 'preuves', 'justificatif',
    'evidencia', 'evidencias',
    'evidência', 'evidências', 'evidencia', 'evidencias',
    'bewijs', 'bewijsstukken', 'bewijslast',
    'evidenza', 'evidenze', 'prova',
    '証跡', 'エビデンス', '証拠',
  ],
  /** The document that implements the control (a policy or procedure), which may stand beside an Evidence column. */
  document: [
    'documents', 'documentation', 'document', 'policy', 'policies', 'procedure', 'implemented by', 'implementing document', 'related document', 'related documents', 'policy reference', 'reference document', 'reference',
    'dokument', 'dokumente', 'dokumentation', 'richtlinie', 'richtlinien', 'verfahren',
    'documentation', 'politique', 'procédure',
    'documento', 'documentos', 'documentación', 'política', 'procedimiento',
    'documentação', 'documentacao', 'procedimento',
    'documenten', 'documentatie', 'beleid', 'procedure',
    'documenti', 'documentazione', 'politica', 'procedura',
    '文書', '関連文書', '規程', '手順', '参照文書',
  ],
};

export const RISK_HEADERS: Record<RiskColumn, readonly string[]> = {
  id: [
    'id', 'risk id', 'ref', 'risk ref', 'reference', 'no', 'risk no', 'risk number', '#',
    'risiko id', 'risiko nr', 'nr', 'nummer',
    'id du risque', 'id risque', 'n°', 'numéro',
    'id riesgo', 'id del riesgo', 'nº', 'número',
    'id do risco', 'id risco',
    'risico id', 'risico nr',
    'id rischio', 'numero',
    'リスクid', 'リスク番号', '番号', '項番', 'no',
  ],
  description: [
    'risk', 'description', 'risk description', 'scenario', 'threat', 'title', 'risk scenario', 'risk title', 'name',
    'risiko', 'beschreibung', 'risikobeschreibung', 'bedrohung', 'szenario', 'titel',
    'risque', 'description du risque', 'menace', 'scénario', 'titre',
    'riesgo', 'descripción', 'descripcion', 'descripción del riesgo', 'amenaza', 'escenario', 'título',
    'risco', 'descrição', 'descricao', 'descrição do risco', 'ameaça', 'ameaca', 'cenário',
    'risico', 'omschrijving', 'beschrijving', 'dreiging', 'naam',
    'rischio', 'descrizione', 'minaccia', 'titolo',
    'リスク', 'リスク内容', '内容', '脅威', '説明', 'シナリオ', 'リスク名',
  ],
  owner: [
    'owner', 'risk owner', 'responsible', 'accountable',
    'eigentümer', 'risikoeigner', 'risikoeigentümer', 'verantwortlich', 'verantwortlicher', 'risikoverantwortlicher',
    'propriétaire', 'propriétaire du risque', 'responsable',
    'propietario', 'dueño', 'responsable del riesgo',
    'proprietário', 'proprietario', 'responsável', 'responsavel', 'dono do risco',
    'eigenaar', 'risico eigenaar', 'risico-eigenaar', 'verantwoordelijke',
    'responsabile', 'titolare del rischio',
    '責任者', 'オーナー', 'リスクオーナー', 'リスク所有者', '所有者', '担当', '担当者',
  ],
  likelihood: [
    'likelihood', 'probability', 'l', 'p', 'likelihood 1 5', 'frequency',
    'wahrscheinlichkeit', 'eintrittswahrscheinlichkeit', 'w',
    'probabilité', 'probabilite', 'vraisemblance',
    'probabilidad',
    'probabilidade',
    'waarschijnlijkheid', 'kans',
    'probabilità', 'probabilita',
    '発生可能性', '可能性', '発生確率', '発生頻度', '頻度',
  ],
  impact: [
    'impact', 'consequence', 'severity', 'i', 'impact 1 5',
    'auswirkung', 'auswirkungen', 'schadensausmaß', 'schadenshöhe', 'schaden', 'tragweite',
    'gravité', 'gravite', 'conséquence',
    'impacto', 'consecuencia', 'severidad',
    'consequência', 'severidade', 'gravidade',
    'gevolg', 'gevolgen', 'ernst',
    'impatto', 'conseguenza', 'gravità',
    '影響', '影響度', '重大度', '被害',
  ],
  score: [
    'score', 'rating', 'risk score', 'risk rating', 'level', 'risk level', 'inherent risk', 'l x i', 'l i', 'p x i',
    'risikowert', 'risikostufe', 'risikoniveau', 'risikobewertung', 'bewertung',
    'niveau de risque', 'criticité', 'cotation',
    'puntuación', 'nivel de riesgo', 'valoración',
    'pontuação', 'nível de risco', 'nivel de risco', 'classificação',
    'risiconiveau', 'risicoscore',
    'punteggio', 'livello di rischio',
    'リスク値', 'リスクレベル', 'スコア', 'リスク評価',
  ],
  treatment: [
    'treatment', 'treatment decision', 'decision', 'treatment option', 'option', 'response', 'risk treatment', 'risk response',
    'behandlung', 'risikobehandlung', 'behandlungsoption', 'entscheidung',
    'traitement', 'traitement du risque', 'décision', 'option de traitement',
    'tratamiento', 'tratamiento del riesgo', 'decisión',
    'tratamento', 'tratamento do risco', 'decisão',
    'behandeling', 'risicobehandeling', 'besluit',
    'trattamento', 'trattamento del rischio', 'decisione',
    'リスク対応', '対応方針', '対応', '処理',
  ],
  controls: [
    'controls', 'annex a controls', 'treatment controls', 'control', 'controls annex a', 'mitigating controls', 'iso 27001 controls',
    'maßnahmen', 'massnahmen', 'kontrollen', 'anhang a',
    'mesures', 'contrôles', 'controles', 'mesures de sécurité',
    'controles', 'medidas',
    'controlos', 'medidas de controle',
    'beheersmaatregelen', 'maatregelen',
    'controlli', 'misure',
    '管理策', '対策', '関連管理策',
  ],
  acceptedBy: [
    'accepted by', 'approver', 'approved by', 'acceptance', 'risk acceptance', 'risk accepted by',
    'akzeptiert von', 'genehmigt von', 'freigabe',
    'accepté par', 'approuvé par',
    'aceptado por', 'aprobado por',
    'aceito por', 'aprovado por',
    'geaccepteerd door', 'goedgekeurd door',
    'accettato da', 'approvato da',
    '承認者', '受容者', 'リスク受容者',
  ],
  status: ['status', 'statut', 'état', 'estado', 'situação', 'stato', '状況', 'ステータス'],
};

/** Header names configured in .isms.yaml, per column, tried before the built-in ones. */
export type ColumnOverrides = Partial<Record<string, readonly string[]>>;

/** Lower case, diacritics kept as letters, runs of other characters as one space (`N°` → `n`, `Risk-ID` → `risk id`). */
function header(text: string): string {
  return normaliseHeader(text.replace(/\*\*/g, ''));
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * The column whose header names `field`: an exact name, then a name as the header's leading or trailing words,
 * then (Japanese, written without spaces) a name inside the header. `skip` columns are taken by other fields.
 */
export function columnByHeader(table: Pick<Table, 'header'>, names: readonly string[], skip: ReadonlySet<number> = new Set(), mode: 'exact' | 'loose' | 'both' = 'both'): number {
  const headers = table.header.map((c) => header(c.text));
  const wanted = names.map(header).filter(Boolean);
  if (mode !== 'loose') {
    for (const name of wanted) {
      const i = headers.findIndex((h, j) => !skip.has(j) && h === name);
      if (i >= 0) return i;
    }
  }
  if (mode === 'exact') return -1;
  for (const name of wanted) {
    if (name.length < 3) continue; // `l`, `i`, `no` only as whole headers
    const i = headers.findIndex((h, j) => !skip.has(j) && (h.startsWith(name + ' ') || h.endsWith(' ' + name)));
    if (i >= 0) return i;
  }
  for (const name of wanted) {
    if (!CJK.test(name)) continue;
    const i = headers.findIndex((h, j) => !skip.has(j) && h.includes(name));
    if (i >= 0) return i;
  }
  return -1;
}

function names(builtin: readonly string[], override: readonly string[] | undefined): readonly string[] {
  return override?.length ? [...override, ...builtin] : builtin;
}

/** Roles by header: exact names for every field first, so `Risk owner` is the owner before `risk…` can claim it. */
function byHeaders<F extends string>(table: Table, fields: readonly F[], headers: Record<F, readonly string[]>, overrides: ColumnOverrides, taken: Set<number>): Partial<Record<F, number>> {
  const roles: Partial<Record<F, number>> = {};
  for (const mode of ['exact', 'loose'] as const) {
    for (const field of fields) {
      if (roles[field] !== undefined) continue;
      const i = columnByHeader(table, names(headers[field], overrides[field]), taken, mode);
      if (i >= 0) {
        roles[field] = i;
        taken.add(i);
      }
    }
  }
  return roles;
}

/** The field a name (a bullet's key, a header) stands for, exact names first. */
export function fieldForName<F extends string>(name: string, fields: readonly F[], headers: Record<F, readonly string[]>, overrides: ColumnOverrides = {}): F | undefined {
  const table = { header: [{ text: name, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, links: [] }] };
  for (const mode of ['exact', 'loose'] as const) {
    for (const field of fields) if (columnByHeader(table, names(headers[field], overrides[field]), new Set(), mode) === 0) return field;
  }
  return undefined;
}

/** The cells of a column, trimmed, without empty ones. */
function values(table: Table, column: number): string[] {
  return table.rows.map((r) => r.cells[column]?.text.trim() ?? '').filter((t) => t !== '' && t !== '-' && t !== '—');
}

/** Whether most (≥ 60 %, at least two) of a column's cells satisfy `test`. */
function mostly(table: Table, column: number, test: (v: string) => boolean): boolean {
  const cells = values(table, column);
  return cells.length >= 2 && cells.filter(test).length >= 0.6 * cells.length;
}

const CONTROL_CELL = /^(?:A\.?\s?|Annex\s+A\s?)?0?\d{1,2}\.\d{1,2}(?:\.\d{1,2})?(?![\w.])/i;
const YES_NO = /^(?:yes|no|y|n|applicable|not applicable|n\/a|na|included|excluded|true|false|x|✓|✔|✗|✘|ja|nein|oui|non|sí|si|sim|não|nao|ja|nee|sì|はい|いいえ|○|×|◯|適用|非適用|対象|対象外|適用外)$/i;
const SCORE = /^[1-5]$/;

/** Headers that name another standard's column (`NIST mapping`, `SOC 2 control`): never the Annex A column. */
function otherStandardColumns(table: Table): Set<number> {
  const skip = new Set<number>();
  table.header.forEach((c, i) => {
    if (otherStandardIn(c.text) && !/27001/.test(c.text)) skip.add(i);
  });
  return skip;
}

/** Column roles of an SoA table: by header (configured names first), then the control and applicability columns by content. */
export function soaColumnRoles(table: Table, overrides: ColumnOverrides = {}): Partial<Record<SoaField, number>> {
  const taken = otherStandardColumns(table);
  const roles = byHeaders(table, SOA_FIELDS, SOA_HEADERS, overrides, taken);
  if (roles.control === undefined) {
    const i = table.header.findIndex((_, j) => !taken.has(j) && mostly(table, j, (v) => CONTROL_CELL.test(v)));
    if (i >= 0) {
      roles.control = i;
      taken.add(i);
    }
  }
  if (roles.applicable === undefined && roles.control !== undefined) {
    const i = table.header.findIndex((_, j) => !taken.has(j) && mostly(table, j, (v) => YES_NO.test(v.replace(/[*_`]/g, '').trim())));
    if (i >= 0) roles.applicable = i;
  }
  return roles;
}

/** Column roles of a risk table: by header (configured names first), then the ID column and 1–5 scores by content. */
export function riskColumnRoles(table: Table, overrides: ColumnOverrides = {}, riskId?: RegExp): Partial<Record<RiskColumn, number>> {
  const taken = otherStandardColumns(table);
  const roles = byHeaders(table, RISK_FIELDS, RISK_HEADERS, overrides, taken);
  if (riskId) {
    const matches = (v: string) => {
      riskId.lastIndex = 0;
      const m = riskId.exec(v);
      return m !== null && m.index === 0;
    };
    // A column of risk IDs wins over a header guess (`No` holding row numbers beside a `Risk` column of IDs).
    if (roles.id === undefined || !mostly(table, roles.id, matches)) {
      const i = table.header.findIndex((_, j) => mostly(table, j, matches));
      if (i >= 0) {
        if (roles.description === i) delete roles.description;
        roles.id = i;
      }
    }
  }
  if (roles.likelihood === undefined && roles.impact === undefined) {
    const scores = table.header.map((_, j) => j).filter((j) => !taken.has(j) && j !== roles.id && mostly(table, j, (v) => SCORE.test(v)));
    if (scores.length === 2) [roles.likelihood, roles.impact] = scores;
  }
  return roles;
}
