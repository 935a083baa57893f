// The words `isms init` types documents by: what folders, file names, titles and first headings call each kind of
// ISMS document, and what marks a page as reference material or navigation, in English, German, Portuguese,
// Spanish, French and Japanese. Data only: typing.ts reads it. Phrases are lower case; a Latin-script phrase
// matches whole words of a name (`02-Policies`, `policies_and_standards` and "Password Policy" all hold the word
// `policies`/`policy`), a Japanese phrase matches anywhere in the name (Japanese does not separate words).
import type { DocumentType } from '../model';

export interface TypeWords {
  type: DocumentType;
  /** Folder names (one path segment) whose documents are of this type. */
  folders: readonly string[];
  /** Phrases that, in a file name, title or first heading, say the document is of this type; `*x`: a word ending in x. */
  names: readonly string[];
  /**
   * Names that say so only as the whole name (after numbering and the words of `generic` are removed): `scope.md`
   * is the ISMS scope, `token_scope_specification.md` is not.
   */
  wholeNames?: readonly string[];
}

/**
 * Most specific first: when a name holds phrases of two types, the earlier type wins ("Risk treatment plan" is a
 * treatment plan, not a register). Policy and procedure come last and are decided by the phrase written last
 * ("Policy exception procedure" is a procedure), as the head of a noun phrase is.
 */
export const TYPE_WORDS: readonly TypeWords[] = [
  {
    type: 'soa',
    folders: ['soa', 'statement of applicability', 'statements of applicability', 'anwendbarkeitserklärung', 'declaração de aplicabilidade', '適用宣言書'],
    names: [
      'statement of applicability', 'soa', 'erklärung zur anwendbarkeit', 'anwendbarkeitserklärung', 'declaração de aplicabilidade',
      'declaracao de aplicabilidade', 'declaración de aplicabilidad', 'declaracion de aplicabilidad', "déclaration d'applicabilité",
      'declaration d applicabilite', '適用宣言書', '適用性宣言書', '適用宣言',
    ],
  },
  {
    type: 'risk-treatment-plan',
    folders: ['risk treatment', 'risk treatment plans'],
    names: [
      'risk treatment plan', 'risk treatment', 'risikobehandlungsplan', 'risikobehandlung', 'plano de tratamento de riscos',
      'plano de tratamento de risco', 'tratamento de riscos', 'plan de tratamiento de riesgos', 'plan de traitement des risques',
      'リスク対応計画', 'リスク対応', 'リスク処理計画',
    ],
  },
  {
    type: 'risk-register',
    folders: ['risk register', 'risk registers', 'risikoregister'],
    names: [
      'risk register', 'risk log', 'risk inventory', 'risk assessment register', 'risk assessment report', 'risk assessment results', 'risikoregister', 'risikoliste', 'risikoinventar',
      'registro de riscos', 'registo de riscos', 'registro de riesgos', 'registre des risques', 'リスク登録簿', 'リスク台帳', 'リスク一覧', 'リスクアセスメント結果',
    ],
  },
  {
    type: 'objectives',
    folders: ['security objectives', 'isms objectives'],
    names: [
      'information security objectives', 'security objectives', 'isms objectives', 'objectives of the isms', 'informationssicherheitsziele',
      'sicherheitsziele', 'isms ziele', 'objetivos de segurança da informação', 'objetivos de seguranca da informacao',
      'objetivos de segurança', 'objetivos del sgsi', 'objetivos de seguridad', 'objectifs de sécurité', '情報セキュリティ目的',
      '情報セキュリティ目標', 'セキュリティ目標',
    ],
    // Objectives alone, in a security repository; "quality objectives" hold another word and are not these.
    wholeNames: ['objectives', 'isms objectives and plans', 'objectives and plans', 'ziele', 'objetivos'],
  },
  {
    type: 'management-review',
    folders: ['management review', 'management reviews', 'mgmt reviews', 'managementbewertung', 'managementbewertungen', 'análise crítica', 'マネジメントレビュー'],
    names: [
      'management review', 'isms review meeting', 'managementbewertung', 'management bewertung', 'análise crítica pela direção',
      'analise critica pela direcao', 'revisão pela direção', 'revisao pela direcao', 'revisión por la dirección', 'revue de direction',
      'マネジメントレビュー',
    ],
  },
  {
    type: 'audit',
    folders: ['audits', 'internal audits', 'internal audit', 'audit reports', 'interne audits', 'auditorias', 'auditorias internas', '内部監査'],
    names: [
      'internal audit', 'isms audit', 'audit report', 'audit programme', 'audit program', 'internes audit', 'interne audit', 'auditbericht',
      'auditoria interna', 'relatório de auditoria', 'relatorio de auditoria', 'auditoría interna', 'audit interne', '内部監査',
    ],
  },
  {
    type: 'supplier-register',
    folders: [],
    names: [
      'supplier register', 'supplier list', 'supplier inventory', 'vendor register', 'vendor list', 'vendor inventory',
      'third party register', 'third party list', 'third party inventory', 'thirdparty register', 'lieferantenregister',
      'lieferantenverzeichnis', 'lieferantenliste', 'registro de fornecedores', 'lista de fornecedores', 'registro de proveedores',
      'registre des fournisseurs', '委託先一覧', '委託先管理台帳', 'サプライヤー一覧',
    ],
  },
  {
    type: 'asset-inventory',
    folders: [],
    names: [
      'asset inventory', 'asset register', 'information asset inventory', 'information asset register', 'inventory of assets',
      'assetinventar', 'inventarverzeichnis', 'inventário de ativos', 'inventario de ativos', 'inventario de activos',
      'inventaire des actifs', '資産台帳', '情報資産台帳', '資産目録',
    ],
  },
  {
    type: 'action-log',
    folders: [],
    names: [
      'action log', 'action tracker', 'action register', 'corrective action', 'corrective actions', 'corrective action log',
      'maßnahmenverfolgung', 'korrekturmaßnahmen', 'ações corretivas', 'acoes corretivas', 'acciones correctivas', 'actions correctives',
      '是正処置', '是正処置記録',
    ],
  },
  {
    type: 'context',
    folders: [],
    names: [
      'context of the organisation', 'context of the organization', 'organisational context', 'organizational context',
      'internal and external issues', 'kontext der organisation', 'contexto da organização', 'contexto da organizacao',
      'contexto de la organización', 'contexto de la organizacion', "contexte de l'organisation", 'contexte de l organisation', '組織の状況',
    ],
  },
  {
    type: 'scope',
    folders: [],
    names: [
      'isms scope', 'scope of the isms', 'scope of isms', 'isms scope statement', 'information security scope',
      'scope of the information security management system', 'isms geltungsbereich', 'geltungsbereich des isms', 'anwendungsbereich des isms',
      'escopo do sgsi', 'âmbito do sgsi', 'ambito do sgsi', 'alcance del sgsi', 'périmètre du smsi', 'perimetre du smsi',
      'isms適用範囲', 'ismsの適用範囲', '適用範囲',
    ],
    // The word alone, or the management system's own page (`isms.md`), whose first section is its scope.
    wholeNames: ['scope', 'scope statement', 'geltungsbereich', 'escopo', 'âmbito', 'alcance', 'isms', 'isms manual', 'isms handbook', 'isms handbuch', 'manual do sgsi'],
  },
  {
    // One file per risk.
    type: 'risk',
    folders: ['risks', 'risiken', 'riscos', 'riesgos', 'risques'],
    names: [],
  },
  {
    type: 'exception',
    folders: ['exceptions', 'policy exceptions', 'break glass', 'deviations', 'ausnahmen', 'exceções', 'excecoes', 'excepciones', '例外'],
    names: [],
  },
  {
    type: 'record',
    folders: ['records', 'evidence', 'nachweise', 'registros', 'evidências', '記録'],
    names: [],
  },
  {
    type: 'procedure',
    folders: [
      'procedures', 'procedure', 'sops', 'runbooks', 'playbooks', 'work instructions', 'processes', 'verfahren', 'verfahrensanweisungen',
      'arbeitsanweisungen', 'prozesse', 'procedimentos', 'procedimientos', 'instruções de trabalho', 'procédures', '手順', '手順書',
    ],
    names: [
      'procedure', 'procedures', 'sop', 'standard operating procedure', 'runbook', 'playbook', 'work instruction', 'verfahren',
      '*verfahren', '*anweisung', '*prozess',
      'verfahrensanweisung', 'arbeitsanweisung', 'procedimento', 'procedimiento', 'instrução de trabalho', 'instrucao de trabalho',
      'procédure', 'procedure operationnelle', '手順書', '手順', '作業手順', 'プロシージャ', 'methodology', 'method', 'methodik', 'metodologia',
      'método', 'incident response plan', 'business continuity plan', 'disaster recovery plan', 'continuity plan', 'recovery plan',
      'notfallplan', 'plano de continuidade', 'plano de resposta a incidentes', '事業継続計画', 'インシデント対応計画',
    ],
  },
  {
    type: 'policy',
    folders: ['policies', 'policy', 'policy documents', 'richtlinien', 'leitlinien', 'policies and standards', 'políticas', 'politicas', 'politiques', 'ポリシー', '方針', '規程'],
    names: [
      'policy', 'policies', 'standard', 'richtlinie', 'leitlinie', 'sicherheitsrichtlinie', '*richtlinie', '*leitlinie', 'política', 'politica', 'politique', 'ポリシー',
      '方針', '規程', '標準',
    ],
  },
];

/**
 * Records of one event each (an audit, a review meeting), with the short words that name the event beside the
 * other ("Audit and Management Review"): a name that names two of them is how both are run, a procedure.
 */
export const EVENT_RECORD_WORDS: ReadonlyMap<DocumentType, readonly string[]> = new Map<DocumentType, readonly string[]>([
  ['audit', ['audit', 'audits', 'auditoria', 'auditoría', '監査']],
  ['management-review', []],
]);

/** Policy words that count only when no other type word is in the name ("ISO 27001 standard" is no policy). */
export const WEAK_NAMES: ReadonlySet<string> = new Set(['standard', '標準']);

/** Types whose name needs no folder or flag to be believed: each names one document an ISMS has. */
export const SPECIFIC_TYPES: ReadonlySet<DocumentType> = new Set([
  'soa', 'risk-treatment-plan', 'risk-register', 'objectives', 'management-review', 'audit', 'supplier-register', 'asset-inventory',
  'action-log', 'context', 'scope',
]);

/**
 * Reference material: extracts of standards, mapping tables between versions, training and awareness material,
 * vendor configuration notes, guides to filling in a template. In a name or title they outweigh a type word
 * ("Statement of Applicability, field guide" explains the SoA template, it is not the SoA).
 */
export const REFERENCE_NAMES: readonly string[] = [
  'field guide', 'field description', 'feldbeschreibung', 'ausfüllhilfe', 'how to write', 'writing guide',
  'training material', 'training materials', 'training slides', 'awareness material', 'awareness materials', 'schulungsunterlagen',
  'schulungsmaterial', 'material de treinamento', 'material de formação', 'material de capacitación', '研修資料', '教育資料',
  'configuration notes', 'setup notes', 'vendor notes', 'konfigurationshinweise', 'notas de configuração', '設定メモ',
  'annex a extract', 'controls extract', 'standard extract',
];

/** Folders of templates to copy from (their names as nameWords gives them). */
export const TEMPLATE_FOLDERS: readonly string[] = [
  'templates', 'template', 'vorlagen', 'vorlage', 'plantillas', 'plantilla', 'modelos', 'modèles', 'modeles', 'modelli',
  'sjablonen', 'szablony', 'テンプレート', 'ひな形', '雛形', '様式', '模板',
];

/** Words of a file name, title or first heading that make it a template or a sample, not the ISMS's own document. */
export const TEMPLATE_NAMES: readonly string[] = [
  'template', 'templates', 'sample', 'example', 'vorlage', 'beispiel', 'plantilla', 'ejemplo', 'exemplo', 'modèle', 'exemple',
  'esempio', 'テンプレート', 'ひな形', '雛形', 'サンプル', '記入例', '模板', '样例',
];

/** Words that mark reference material only next to a document type word: "Policy, pattern" guides the writing of policies. */
export const TEMPLATE_GUIDE_NAMES: readonly string[] = ['pattern', 'patterns', 'muster', 'padrão', 'modelo comentado', 'guidance', 'leitfaden'];

/** Words that mark reference material only next to a standard's name or version: "ISO 27001 2013 to 2022 mapping". */
export const MAPPING_NAMES: readonly string[] = [
  'mapping', 'crosswalk', 'correspondence', 'cross reference', 'gegenüberstellung', 'zuordnung', 'mapeamento', 'correspondência',
  'mapeo', 'correspondance', 'extract', 'excerpt', 'auszug', 'extrato', 'extracto', '対応表', 'マッピング', '抜粋',
];
export const STANDARD_HINT: RegExp = /\b(iso|iec|27\d{3}|2013|2022|annex|anhang|anexo|nist|soc ?2|cis|pci|controls?|kontrollen|controles)\b|附属書|管理策/i;

/** File names (without extension) that are the text of a standard or a control catalogue, not an ISMS document. */
export const REFERENCE_FILE_NAMES: readonly RegExp[] = [
  /^(iso[ _-]?(iec)?[ _-]?)?270(01|02|17|18|701)([ _:-]?(20)?(13|22))?([ _-]?(annex[ _-]?a|controls?|extract|text|list))*$/i,
  /^annex[ _-]?a([ _-]?(controls?|list|extract))?$/i,
  /^(nist|cis|pci[ _-]?dss|soc[ _-]?2|tsc)([ _-].*)?$/i,
];

/** Folders never typed: tooling, CI, issue templates, vendored or built material. */
export const NEVER_TYPED_FOLDERS: readonly RegExp[] = [
  /^\.(github|gitlab|circleci|vscode|idea|devcontainer|husky|changeset|changesets)$/i,
  /^(issue_template|pull_request_template|issue-templates|node_modules|vendor|third[_-]party|_site|public|site|dist|build|out|themes|layouts|archetypes|assets|static|i18n|data|partials)$/i,
];

/** File names never typed: navigation pages, glossaries and repository furniture (SECURITY.md only at the root). */
export const NEVER_TYPED_FILES: RegExp = /^(_?index|readme|changelog|changes|history|contributing|code_of_conduct|license|licence|notice|todo|summary|_?sidebar|navigation|nav|toc|glossary|glossar|pull_request_template|issue_template)(\.[a-z]{2}(-[a-z]{2})?)?\.[^/.]+(\.[^/.]+)?$/i;

/** Frontmatter keys and values that mark a controlled ISMS document without naming its type. */
export const CONTROLLED_FLAGS: readonly RegExp[] = [/^(controlled[_-]?document|controlled|document[_-]?controlled|isms[_-]?document)$/i];

/** Frontmatter keys that cite ISO/IEC 27001 clauses: a document citing them belongs to the ISMS. */
export const CLAUSE_KEYS: RegExp = /^(clauses?|iso[_-]?clauses?|isms[_-]?clauses?|iso27001[_-]?clauses?)$/i;

