import type { IsmsDocument, Table } from '../model';
import { sectionsOf } from '../isms/sections';
import { isDraft } from '../isms/status';
import { findColumn, idColumn } from '../parse/tables';
import { SCOPE_SECTIONS } from './scopeMissingSection';
import type { WorkspaceRule } from './rule';

const ISSUE_COLUMNS = ['issue', 'issues', 'context issue', 'internal and external issues', 'internal issue', 'external issue', 'thema', 'sachverhalt', 'enjeu', 'enjeux', 'problème', 'cuestión', 'asunto', 'kwestie', 'questione', 'questão', '課題'];
const ID_COLUMNS = ['id', 'issue id', '#', 'no', 'nr', 'ref'];
const RISK_ISSUE_COLUMNS = ['issues', 'issue', 'context issue', 'context', 'issue id'];
const ISSUES_SECTION = SCOPE_SECTIONS.find((s) => s.key === 'issues')!.pattern;

/** The issues tables: in a `context` document any table with an Issue column; in a scope those in its issues section. */
export function issueTables(doc: IsmsDocument): Table[] {
  const withColumn = doc.tables.filter((t) => findColumn(t, ISSUE_COLUMNS) >= 0 && !/interested|stakeholder|partie|parte|belang/i.test(t.header.map((h) => h.text).join(' ')));
  if (doc.type === 'context') return withColumn;
  if (doc.type !== 'scope') return [];
  const sections = sectionsOf(doc).filter((s) => ISSUES_SECTION.test(s.title));
  return withColumn.filter((t) => sections.some((s) => t.range.start.line >= s.startLine && t.range.start.line <= s.endLine));
}

// Cached per parsed document (the index replaces the object when the file changes): the rule reads every
// document again whenever a table moves anywhere (typing a line above one).
const namedCache = new WeakMap<IsmsDocument, readonly string[]>();

/** The issue IDs a document names, in lower case: its `issues:` field, and a risk register's Issues column. */
function issuesNamed(doc: IsmsDocument): readonly string[] {
  const cached = namedCache.get(doc);
  if (cached) return cached;
  const found: string[] = [];
  const field = doc.frontmatter?.data.issues;
  for (const v of Array.isArray(field) ? field : field !== undefined && field !== null ? String(field).split(',') : []) found.push(String(v).trim().toLowerCase());
  if (doc.type === 'risk-register') {
    for (const t of doc.tables) {
      const col = findColumn(t, RISK_ISSUE_COLUMNS);
      if (col >= 0) for (const r of t.rows) for (const v of (r.cells[col]?.text ?? '').split(/[,;]/)) found.push(v.trim().toLowerCase());
    }
  }
  namedCache.set(doc, found);
  return found;
}

export const contextIssueUnaddressed: WorkspaceRule = {
  code: 'context-issue-unaddressed',
  family: 'scope',
  scope: 'workspace',
  defaultSeverity: 'info',
  description:
    'A row of the internal and external issues table (clause 4.1; in the scope or a `context` document) that nothing addresses: no cell of the row names a risk, control or document, and no risk names the issue\'s ID under `issues:` or in an Issues column. Draft documents are skipped.',
  fix: 'Name the risk, control or document that addresses the issue in its row, or list the issue ID under `issues:` of the risk that covers it.',
  check(ctx) {
    const docs = ctx.workspace.ismsDocuments();
    // A draft's issues table is still being written.
    const holders = docs.filter((d) => (d.type === 'scope' || d.type === 'context') && !isDraft(d));
    if (holders.length === 0) return;
    // Issue IDs that risks name: `issues:` of risk documents and an Issues column of risk registers.
    const named = new Set<string>();
    for (const d of docs) for (const issue of issuesNamed(d)) named.add(issue);
    for (const doc of holders) {
      for (const table of issueTables(doc)) {
        const idCol = idColumn(table, ID_COLUMNS);
        const issueCol = findColumn(table, ISSUE_COLUMNS);
        for (const row of table.rows) {
          const line = row.range.start.line;
          const addressed =
            row.cells.some((c) => c.links.length > 0) ||
            doc.references.some((r) => r.range.start.line === line && (r.kind !== 'document' || ctx.workspace.documentsWithId(r.id).length > 0));
          if (addressed) continue;
          const id = idCol >= 0 ? row.cells[idCol]?.text.trim() : undefined;
          if (id && (named.has(id.toLowerCase()) || (doc.id && named.has(`${doc.id}#${id}`.toLowerCase())))) continue;
          const issue = row.cells[issueCol]?.text ?? row.cells[0]?.text ?? '';
          ctx.report({
            path: doc.path,
            range: row.range,
            message: `Issue ${id ? `${id} ` : ''}"${issue.length > 80 ? issue.slice(0, 77) + '…' : issue}" is addressed by nothing: its row names no risk, control or document, and no risk lists it under \`issues:\`. Clause 6.1.1 asks that the actions planned consider each issue.`,
            data: { issue: id ?? issue },
          });
        }
      }
    }
  },
};
