// Words real ISMSs use for their metadata, as data: field labels in several languages, section headings that hold
// document information or a revision history, status and type values, static-site page types, month names.
// The document model reads them through adopt/metadata.ts; nothing else should hard-code them.
import type { DocumentType } from '../model';

/** Labels people give metadata fields in tables, headers and lists (normalised: lower case, single spaces). */
export const FIELD_LABELS: Record<string, string> = {
  // English
  'document id': 'id', 'doc id': 'id', id: 'id', 'document number': 'id', 'document no': 'id', 'document reference': 'id', 'document ref': 'id', reference: 'id', ref: 'id', acronym: 'id',
  title: 'title', 'document title': 'title', 'document name': 'title', name: 'title', 'policy name': 'title',
  owner: 'owner', 'document owner': 'owner', 'policy owner': 'owner', author: 'owner', 'process owner': 'owner', 'responsible': 'owner', 'owned by': 'owner',
  version: 'version', revision: 'version', 'version number': 'version', 'current version': 'version',
  status: 'status', 'document status': 'status',
  'approved by': 'approved_by', approver: 'approved_by', 'approval authority': 'approved_by', 'decided by': 'approved_by',
  'approval date': 'approved_on', 'approved on': 'approved_on', 'date approved': 'approved_on', 'effective date': 'approved_on', 'effective from': 'approved_on', 'holds since': 'approved_on',
  'last reviewed': 'last_reviewed', 'last review': 'last_reviewed', 'last review date': 'last_reviewed', 'reviewed on': 'last_reviewed', 'date of last review': 'last_reviewed', 'last updated': 'last_reviewed',
  'review cycle': 'review_cycle', 'review frequency': 'review_cycle', 'review period': 'review_cycle', 'review interval': 'review_cycle',
  'next review': 'next_review', 'next review date': 'next_review', 'review date': 'next_review', 'review due': 'next_review', 'date of next review': 'next_review',
  classification: 'classification', 'information classification': 'classification', 'data classification': 'classification', 'security classification': 'classification',
  type: 'type', 'document type': 'type', 'document category': 'type',
  'iso reference': 'controls', 'iso 27001 reference': 'controls', 'annex a reference': 'controls', 'annex a controls': 'controls', 'iso controls': 'controls', 'related controls': 'controls',
  clause: 'clauses', clauses: 'clauses', 'iso clause': 'clauses', 'iso clauses': 'clauses',
  language: 'lang', lang: 'lang',
  // German
  titel: 'title', dokumentenname: 'title', 'dokument id': 'id', dokumentennummer: 'id', kennung: 'id', verantwortlich: 'owner', verantwortlicher: 'owner', 'dokumentenverantwortlicher': 'owner', eigentümer: 'owner',
  'beschlossen von': 'approved_by', 'freigegeben von': 'approved_by', freigabe: 'approved_by', 'gültig seit': 'approved_on', 'gültig ab': 'approved_on', freigabedatum: 'approved_on',
  'zuletzt überprüft': 'last_reviewed', 'letzte überprüfung': 'last_reviewed', 'nächste überprüfung': 'next_review', prüfzyklus: 'review_cycle', überprüfungszyklus: 'review_cycle',
  dokumenttyp: 'type', dokumentart: 'type', klassifizierung: 'classification', sprache: 'lang',
  // French
  titre: 'title', propriétaire: 'owner', responsable: 'owner', 'approuvé par': 'approved_by', "date d'approbation": 'approved_on', 'dernière revue': 'last_reviewed', 'prochaine revue': 'next_review', statut: 'status',
  // Spanish and Portuguese
  título: 'title', titulo: 'title', propietario: 'owner', proprietário: 'owner', 'aprobado por': 'approved_by', 'aprovado por': 'approved_by', 'última revisión': 'last_reviewed', 'última revisão': 'last_reviewed',
  'próxima revisión': 'next_review', 'próxima revisão': 'next_review', estado: 'status', versión: 'version', versão: 'version',
  código: 'id', identificador: 'id', responsável: 'owner', 'data de aprovação': 'approved_on', 'fecha de aprobación': 'approved_on', classificação: 'classification', clasificación: 'classification',
  // Italian
  titolo: 'title', proprietario: 'owner', 'approvato da': 'approved_by', 'ultima revisione': 'last_reviewed', 'prossima revisione': 'next_review', stato: 'status', versione: 'version',
  // Dutch
  eigenaar: 'owner', 'goedgekeurd door': 'approved_by', 'laatste review': 'last_reviewed', 'volgende review': 'next_review', versie: 'version',
  // Japanese
  文書番号: 'id', 文書id: 'id', 文書名: 'title', タイトル: 'title', 表題: 'title', 所有者: 'owner', オーナー: 'owner', 責任者: 'owner', 文書管理責任者: 'owner', 版: 'version', 版数: 'version', バージョン: 'version',
  ステータス: 'status', 状態: 'status', 承認者: 'approved_by', 承認日: 'approved_on', 制定日: 'approved_on', 施行日: 'approved_on', 最終レビュー日: 'last_reviewed', 最終見直し日: 'last_reviewed', 最終改訂日: 'last_reviewed',
  次回レビュー日: 'next_review', 次回見直し日: 'next_review', レビュー周期: 'review_cycle', 見直し頻度: 'review_cycle', 見直し周期: 'review_cycle', 機密区分: 'classification', 文書種別: 'type',
};

/** Headings of a section that holds the document's own information (wherever it sits, often at the end). */
export const DOCUMENT_INFO_HEADING =
  /^(?:\d+(?:\.\d+)*\.?\s+)?(?:document (?:control|information|info|details|metadata|properties)|metadata|document|head|header|kopf|dokumentinformation(?:en)?|dokumentenlenkung|informations? (?:du|sur le) document|información del documento|informações do documento|documentinformatie|文書情報|文書管理|文書管理情報)$/i;

/** Headings of a revision or version history (a change log, never the document's metadata). */
export const REVISION_HISTORY_HEADING =
  /^(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:document |version |revision |change |amendment |review )?(?:history|log)|(?:version|revision|change|amendment)s?(?: control| record)?|änderungs(?:historie|verlauf)|versionshistorie|historique des (?:versions|révisions)|historial de (?:versiones|revisiones|cambios)|histórico de (?:versões|revisões|alterações)|改訂履歴|変更履歴|改版履歴|版数管理)$/i;

/** Frontmatter keys holding a revision history (a list of entries with a date). */
export const REVISION_KEYS = /^(?:major_?revisions|revisions|revision_?history|version_?history|change_?log|changelog|history|changes)$/i;

/** Column headers of a revision-history table. */
export const REVISION_COLUMNS = {
  date: /^(?:date|revision date|release date|datum|fecha|data|approved on|approval date|effective date)$/,
  version: /^(?:version|rev|revision|ver|v|no|#|versão|versión)$/,
  change: /^(?:change|changes|description|description of change|summary|summary of changes|comment|comments|reason|details|author|changed by|änderung|beschreibung|modifications?)$/,
};

/** Status words as people write them, mapped to draft/approved/retired (`statusAliases` adds to these). */
export const DEFAULT_STATUS_ALIASES: Record<string, string> = {
  active: 'approved', published: 'approved', 'in force': 'approved', final: 'approved', released: 'approved', effective: 'approved', current: 'approved', live: 'approved', issued: 'approved',
  freigegeben: 'approved', gültig: 'approved', approuvé: 'approved', aprobado: 'approved', aprovado: 'approved',
  'in review': 'draft', 'under review': 'draft', wip: 'draft', 'work in progress': 'draft', proposed: 'draft', 'for review': 'draft', 'in progress': 'draft', entwurf: 'draft', brouillon: 'draft', borrador: 'draft', rascunho: 'draft',
  superseded: 'retired', archived: 'retired', withdrawn: 'retired', obsolete: 'retired', deprecated: 'retired', replaced: 'retired', historical: 'retired',
};

/** Document types as people write them in a "Document Type" field (`typeAliases` adds to these). */
export const DEFAULT_TYPE_ALIASES: Record<string, DocumentType> = {
  'information security policy': 'policy', 'security policy': 'policy', 'topic-specific policy': 'policy', 'topic specific policy': 'policy', richtlinie: 'policy', politique: 'policy', política: 'policy',
  standard: 'policy', 'security standard': 'policy', 'work instruction': 'procedure', 'operating procedure': 'procedure', sop: 'procedure', 'standard operating procedure': 'procedure', process: 'procedure', runbook: 'procedure', playbook: 'procedure', verfahren: 'procedure', arbeitsanweisung: 'procedure',
  'isms scope': 'scope', 'scope statement': 'scope', 'scope of the isms': 'scope',
  'statement of applicability': 'soa',
  'risk register': 'risk-register', 'risk treatment plan': 'risk-treatment-plan', 'information security objectives': 'objectives',
  'internal audit': 'audit', 'internal audit report': 'audit', 'audit report': 'audit',
  'management review': 'management-review', 'management review minutes': 'management-review',
};

/** `type:` values static-site generators (Hugo, Jekyll, Docusaurus, Gatsby) give their pages: not ISMS types. */
export const STATIC_SITE_TYPES = new Set(['docs', 'doc', 'page', 'pages', 'post', 'posts', 'blog', 'article', 'home', 'section', 'list', 'single', 'default', 'landing', 'redirect', 'taxonomy', 'term']);

/** Review cycles as people write them, before any qualifier ("annual or on major change"). */
export const CYCLE_WORDS: Record<string, string> = {
  annual: 'annual', annually: 'annual', yearly: 'annual', 'every year': 'annual', 'once a year': 'annual', 'every 12 months': 'annual', '12 months': 'annual', '1 year': 'annual', jährlich: 'annual', annuel: 'annual', annuelle: 'annual', anual: 'annual', jaarlijks: 'annual',
  'every two years': 'P2Y', 'every 2 years': 'P2Y', biennial: 'P2Y', '2 years': 'P2Y', '24 months': 'P2Y',
  'semi-annual': 'semiannual', semiannual: 'semiannual', 'semi-annually': 'semiannual', 'every 6 months': 'semiannual', '6 months': 'semiannual', 'twice a year': 'semiannual', halbjährlich: 'semiannual',
  quarterly: 'quarterly', 'every 3 months': 'quarterly', '3 months': 'quarterly', vierteljährlich: 'quarterly', quartalsweise: 'quarterly',
  monthly: 'monthly', 'every month': 'monthly', monatlich: 'monthly',
};

/** Month names (English, German, French, Spanish, Portuguese, Dutch; full and 3-letter), 1-based. */
export const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ['january', 'januar', 'janvier', 'enero', 'janeiro', 'januari', 'jan', 'jän'],
    ['february', 'februar', 'février', 'febrero', 'fevereiro', 'februari', 'feb', 'fév', 'fev'],
    ['march', 'märz', 'maerz', 'mars', 'marzo', 'março', 'maart', 'mar', 'mär', 'mrt'],
    ['april', 'avril', 'abril', 'apr', 'avr', 'abr'],
    ['may', 'mai', 'mayo', 'maio', 'mei'],
    ['june', 'juni', 'juin', 'junio', 'junho', 'jun'],
    ['july', 'juli', 'juillet', 'julio', 'julho', 'jul'],
    ['august', 'août', 'agosto', 'augustus', 'aug', 'ago'],
    ['september', 'septembre', 'septiembre', 'setembro', 'sep', 'sept', 'set'],
    ['october', 'oktober', 'octobre', 'octubre', 'outubro', 'oct', 'okt', 'out'],
    ['november', 'novembre', 'noviembre', 'novembro', 'nov'],
    ['december', 'dezember', 'décembre', 'diciembre', 'dezembro', 'dec', 'dez', 'déc', 'dic'],
  ].flatMap((names, i) => names.map((n) => [n, i + 1])),
);

/** Language codes that mark a translation in a file name (`policy.de.md`, `de.md`) or a folder (`/de/`). */
export const LANGUAGE_CODES = new Set(['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ja', 'zh', 'ko', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'sk', 'hu', 'ro', 'bg', 'el', 'tr', 'ru', 'uk', 'ar', 'he', 'th', 'vi', 'pt-br', 'en-us', 'en-gb', 'zh-cn', 'zh-tw', 'de-de', 'de-ch', 'fr-fr', 'es-es']);

/** Fields that hold a calendar date. */
export const DATE_FIELDS = ['last_reviewed', 'next_review', 'approved_on', 'date', 'reviewed_on', 'expires', 'closed_on'];

/** Frontmatter fields that hold the document's language. */
export const LANGUAGE_FIELDS = ['lang', 'language', 'locale'];

/**
 * Section headings (numbering stripped) that, in a policy or procedure, are the ISMS scope (4.3) or the risk
 * assessment or treatment process (6.1.2, 6.1.3): a Risk Management Policy's "3. Risk Assessment Methodology".
 */
export const PROCESS_SECTIONS: Readonly<Record<'scope' | 'risk-assessment-process' | 'risk-treatment-process' | 'audit-programme', RegExp>> = {
  /** How internal audits are run (frequency, scope, who): a procedure's "Internal audit" section or title. */
  'audit-programme': /^(?:isms )?internal audits?(?: programme| program| plan| planning| schedule| procedure| process| cadence)?$|^(?:isms )?audit (?:programme|program|plan|schedule)$|^interne audits?$|^auditprogramm$|^programa de auditor[ií]a(?: interna)?$|^内部監査(?:計画|手順|プログラム)?$/i,
  /** The ISMS scope written as a section of the ISMS policy ("2.1 ISMS Boundary"); a policy's own "Scope" is not. */
  scope: /^(?:the )?isms (?:scope|boundary|boundaries)$|^scope of the (?:isms|information security management system)$|^isms[- ]anwendungsbereich$|^alcance del sgsi$|^escopo do sgsi$|^isms(?:の)?適用範囲$/i,
  'risk-assessment-process': /^(?:information security )?risk assessment(?: methodology| method| process| approach| procedure)?$|^(?:information security )?risk management (?:methodology|method|process|approach|procedure)$|^(?:information security )?risk assessment and treatment(?: methodology| method| process| approach| procedure)?$|^risikobeurteilung(?:smethodik|sverfahren)?$|^(?:metodolog[ií]a de )?(?:evaluaci[oó]n|avalia[cç][aã]o) de riesgos?$|^リスクアセスメント(?:手順|方法)?$/i,
  'risk-treatment-process': /^(?:information security )?risk treatment(?: methodology| method| process| options| procedure)?$|^(?:information security )?risk management (?:methodology|method|process|approach|procedure)$|^(?:information security )?risk assessment and treatment(?: methodology| method| process| approach| procedure)?$|^risikobehandlung$|^tratamiento de riesgos?$|^tratamento de riscos?$|^リスク対応(?:手順)?$/i,
};
