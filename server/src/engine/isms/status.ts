// Document status values as rules read them.
import type { IsmsDocument } from '../model';

const statusCache = new WeakMap<IsmsDocument, string>();

export function documentStatus(doc: IsmsDocument): string {
  // Cached per parsed document (a re-parse makes a new one): rules ask for every document's status, per item.
  let status = statusCache.get(doc);
  if (status === undefined) {
    status = String(doc.frontmatter?.data.status ?? '').trim().toLowerCase();
    statusCache.set(doc, status);
  }
  return status;
}

export function isRetired(doc: IsmsDocument): boolean {
  return documentStatus(doc) === 'retired';
}

export function isDraft(doc: IsmsDocument): boolean {
  return documentStatus(doc) === 'draft';
}

export function isApproved(doc: IsmsDocument): boolean {
  return documentStatus(doc) === 'approved';
}

/** A frontmatter value that is present and not blank; a template placeholder (`{{ approver }}`) is present. */
export function hasValue(doc: IsmsDocument, key: string): boolean {
  if (doc.frontmatter?.placeholders?.has(key)) return true;
  const v = doc.frontmatter?.data[key];
  if (v === undefined || v === null) return false;
  if (v instanceof Date) return true;
  return String(v).trim() !== '';
}
