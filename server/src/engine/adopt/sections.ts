// The sections ISO/IEC 27001 clause 4.3 (and auditors) expect in a scope document, and the headings that name
// them in English, German, French, Spanish, Portuguese, Dutch, Italian and Japanese. `scopeSections` in
// .isms.yaml adds headings of its own per section.
import type { Heading } from '../model';

export interface ScopeSection {
  key: 'statement' | 'boundaries' | 'interfaces' | 'issues' | 'parties' | 'exclusions' | 'approval';
  title: string;
  clause: string;
  /** English headings, as patterns over the lower-cased heading without its number. */
  pattern: RegExp;
  /** Headings in the other languages: a heading containing one of these (as a word, or anywhere for Japanese). */
  names: readonly string[];
  /** A metadata field that, stated wherever the document keeps its metadata, records what the section would. */
  field?: string;
}

export const SCOPE_SECTIONS: readonly ScopeSection[] = [
  {
    key: 'statement',
    title: 'Scope statement',
    clause: '4.3',
    // A scope stated dimension by dimension ("2. Organizational Scope", "Technical and System Scope") states it.
    pattern: /\bscope statement|statement of (the )?scope|^(isms )?scope( of the isms)?$|^purpose and scope$|\bscope of (the )?isms\b|^(?:organi[sz]ational|technical|physical|geographic(?:al)?|logical|network|system|site|location)(?: and (?:organi[sz]ational|technical|physical|geographic(?:al)?|logical|network|system|site|location))? scope$/,
    names: [
      'geltungsbereich', 'anwendungsbereich', 'périmètre', 'perimetre', "domaine d'application", "champ d'application", 'alcance', 'ámbito de aplicación',
      'escopo', 'âmbito', 'abrangência', 'reikwijdte', 'toepassingsgebied', "ambito di applicazione", 'campo di applicazione', 'perimetro', '適用範囲', 'スコープ',
    ],
  },
  {
    key: 'boundaries',
    title: 'Boundaries',
    clause: '4.3',
    // Organisational, technical and physical scope sections draw the boundaries.
    pattern: /\bboundar|\bapplicability\b|^(?:organi[sz]ational|technical|physical|geographic(?:al)?|logical|network|system|site|location)(?: and (?:organi[sz]ational|technical|physical|geographic(?:al)?|logical|network|system|site|location))? scope$/,
    names: ['grenzen', 'abgrenzung', 'limites', 'frontières', 'límites', 'fronteiras', 'afbakening', 'confini', 'limiti', '境界', '範囲の境界', '所在地', '拠点', '組織単位'],
  },
  {
    key: 'interfaces',
    title: 'Interfaces and dependencies',
    clause: '4.3 c',
    pattern: /\binterfaces?\b|\bdependenc/,
    names: ['schnittstellen', 'abhängigkeiten', 'dépendances', 'dependencias', 'dependências', 'afhankelijkheden', 'koppelvlakken', 'interfacce', 'dipendenze', 'インターフェース', 'インタフェース', '依存'],
  },
  {
    key: 'issues',
    title: 'Internal and external issues',
    clause: '4.1',
    pattern: /\bissues\b|\bcontext of the organi[sz]ation\b/,
    names: [
      'themen', 'kontext der organisation', 'enjeux', "contexte de l'organisation", 'cuestiones', 'contexto de la organización', 'questões', 'questoes',
      'contexto da organização', 'kwesties', 'vraagstukken', 'context van de organisatie', 'fattori interni', 'questioni', "contesto dell'organizzazione", '課題', '組織の状況',
    ],
  },
  {
    key: 'parties',
    title: 'Interested parties and their requirements',
    clause: '4.2',
    pattern: /\binterested part|\bstakeholder/,
    names: ['interessierte parteien', 'interessengruppen', 'parties intéressées', 'partes interesadas', 'partes interessadas', 'belanghebbenden', 'belanghebbende', 'parti interessate', '利害関係者'],
  },
  {
    key: 'exclusions',
    title: 'Exclusions',
    clause: '4.3',
    pattern: /\bexclu|\bout[- ]of[- ]scope\b/,
    names: ['ausschlüsse', 'ausschluss', 'ausgeschlossen', 'exclusiones', 'exclusões', 'exclusoes', 'uitsluitingen', 'uitgesloten', 'esclusioni', '除外', '対象外', '適用外'],
  },
  {
    key: 'approval',
    title: 'Management approval',
    clause: '5.1 / 7.5',
    pattern: /\bapprov|\bsign[- ]?off\b|\bauthori[sz]ation\b/,
    // "**Approved by:** Managing Director" in the header records the approval.
    field: 'approved_by',
    names: ['freigabe', 'genehmigung', 'approbation', 'aprobación', 'aprovação', 'aprovacao', 'goedkeuring', 'vaststelling', 'approvazione', '承認'],
  },
];

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

/** A heading as sections are matched against: lower case, without its number (`2.1 Scope` → `scope`). */
export function sectionKey(heading: string): string {
  return heading.toLowerCase().replace(/^[\d.\s]+/, '').replace(/[’`]/g, "'").trim();
}

function namesHeading(name: string, key: string): boolean {
  const n = name.toLowerCase();
  if (CJK.test(n)) return key.includes(n);
  const at = key.indexOf(n);
  return at >= 0 && (at === 0 || !/\p{L}/u.test(key[at - 1]));
}

/** The heading that holds a section: an English pattern, a name in another language, or a configured heading. */
export function findScopeSection(section: ScopeSection, headings: readonly Heading[], configured: readonly string[] = []): Heading | undefined {
  return headings.find((h) => {
    const key = sectionKey(h.text);
    return section.pattern.test(key) || section.names.some((n) => namesHeading(n, key)) || configured.some((n) => namesHeading(sectionKey(n), key));
  });
}
