// The providers an ISMS relies on, from wherever the documents name them: supplier registers (first column),
// asset inventories (a provider or platform column), risk registers (a supplier column) and the `provider:` /
// `supplier:` field of risks and exceptions. Column names in several languages.
import type { IsmsDocument, Range } from '../model';
import { findColumn } from '../parse/tables';
import { isBlank } from './values';
import { exceptionKind } from './exceptions';

export interface ProviderMention {
  name: string;
  /** Other names the same cell gives it: `Amazon Web Services (AWS)` → `AWS`. */
  aliases: string[];
  path: string;
  range: Range;
  /** Where it comes from, for the message: "supplier register", "`provider:` of EXC-2026-004". */
  source: string;
  /** A temporary deviation closed with `resolution: brought-into-scope`. */
  broughtIntoScope?: boolean;
}

export const PROVIDER_COLUMNS = {
  supplierRegister: ['supplier', 'supplier name', 'provider', 'vendor', 'name', 'third party', 'company', 'lieferant', 'anbieter', 'dienstleister', 'fournisseur', 'prestataire', 'proveedor', 'leverancier', 'fornitore', 'fornecedor', '委託先', '供給者', 'ベンダー'],
  assetInventory: ['provider', 'platform', 'supplier', 'vendor', 'hosted by', 'hosting', 'service provider', 'cloud provider', 'anbieter', 'plattform', 'lieferant', 'fournisseur', 'plateforme', 'proveedor', 'plataforma', 'leverancier', 'fornitore', '提供元', 'ベンダー'],
  riskRegister: ['supplier', 'provider', 'vendor', 'third party', 'lieferant', 'fournisseur', 'proveedor', 'leverancier', 'fornitore'],
} as const;

const FIELDS = ['provider', 'supplier', 'vendor'];

/** One cell may name several providers: `Kandji, CrowdStrike`, `Linear / PagerDuty`; never inside brackets
 * (`Google (Calendar, OAuth, GCS)` is one provider, its products in brackets). */
export function splitNames(text: string): { name: string; aliases: string[] }[] {
  const bracketed: string[] = [];
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\([^()]*\)/g, (m) => `\u0000${bracketed.push(m) - 1}\u0000`)
    .split(/\s*(?:[,;/+]|\s&\s|\sand\s|\sund\s|\set\s|\sy\s|\sen\s)\s*/)
    .map((part) => part.replace(/\u0000(\d+)\u0000/g, (_, i: string) => bracketed[Number(i)]).replace(/[*_`]/g, '').trim())
    .filter((part) => part && !isBlank(part) && !/^(?:n\/?a|none|internal|in-house|self-hosted|own|keine|aucun|ninguno|geen)$/i.test(part))
    .map((part) => {
      // `(AWS)` is another name; `(e.g., Gmail/Workspace)` and `(Calendar, OAuth)` give several.
      const aliases = [...part.matchAll(/\(([^)]+)\)/g)]
        .flatMap((m) => m[1].replace(/^\s*(?:e\.\s?g\.|i\.\s?e\.|z\.\s?b\.|p\.\s?ex\.|ex\.)\s*,?/i, '').split(/\s*[,;/]\s*/))
        .map((a) => a.trim())
        .filter((a) => a.length >= 2 && a.length <= 40);
      return { name: part.replace(/\s*\([^)]*\)/g, '').trim() || part, aliases };
    })
    .filter((p) => p.name.length >= 2);
}

export function providerMentions(docs: readonly IsmsDocument[]): ProviderMention[] {
  const found: ProviderMention[] = [];
  for (const doc of docs) {
    const mentions = documentMentions(doc);
    for (let i = 0; i < mentions.length; i++) found.push(mentions[i]);
  }
  return found;
}

// Cached per parsed document (the index replaces the object when the file changes): scope-dependency-missing
// reads every register and risk again whenever a table moves anywhere (typing a line above one).
const mentionCache = new WeakMap<IsmsDocument, ProviderMention[]>();

function documentMentions(doc: IsmsDocument): ProviderMention[] {
  let found = mentionCache.get(doc);
  if (found) return found;
  found = [];
  const label = () => doc.id ?? doc.path;
  const column = doc.type === 'supplier-register' ? PROVIDER_COLUMNS.supplierRegister : doc.type === 'asset-inventory' ? PROVIDER_COLUMNS.assetInventory : doc.type === 'risk-register' ? PROVIDER_COLUMNS.riskRegister : undefined;
  if (column) {
    for (const table of doc.tables) {
      // A supplier register's first column is the supplier whatever it is called; elsewhere the column must say so.
      let index = findColumn(table, column);
      if (doc.type === 'supplier-register' && index < 0 && table.rows.length) index = 0;
      if (index < 0) continue;
      const what = doc.type === 'supplier-register' ? 'supplier register' : doc.type === 'asset-inventory' ? 'asset inventory' : 'risk register';
      for (const row of table.rows) {
        const cell = row.cells[index];
        if (!cell) continue;
        const names = splitNames(cell.text);
        for (const n of names) found.push({ ...n, path: doc.path, range: cell.range, source: `${what} ${label()}` });
      }
    }
  }
  if (doc.type === 'risk' || doc.type === 'exception') {
    for (const key of FIELDS) {
      const value = doc.frontmatter?.data[key];
      if (typeof value !== 'string') continue;
      const field = doc.frontmatter!.fields.get(key)!;
      const resolution = String(doc.frontmatter?.data.resolution ?? '').trim().toLowerCase().replace(/[\s_]+/g, '-');
      const brought = doc.type === 'exception' && resolution === 'brought-into-scope' && exceptionKind(doc) !== 'break-glass';
      for (const n of splitNames(value)) found.push({ ...n, path: doc.path, range: field.valueRange, source: `\`${key}:\` of ${label()}`, broughtIntoScope: brought });
    }
  }
  mentionCache.set(doc, found);
  return found;
}

/**
 * Whether a text, given in lower case (`lower`: the caller lowers it once for all mentions), names the provider
 * (case-insensitive, whole words), by its name, an alias or its initials.
 */
export function namesProvider(lower: string, mention: Pick<ProviderMention, 'name' | 'aliases'>): boolean {
  const candidates = [mention.name, ...mention.aliases];
  const words = mention.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  if (words.length >= 2) candidates.push(words.map((w) => w[0]).join(''));
  return candidates.some((c) => {
    const needle = c.toLowerCase().trim();
    if (needle.length < 2) return false;
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(lower);
  });
}
