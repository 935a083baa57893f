import type { IsmsDocument } from '../model';
import { namesProvider, providerMentions, type ProviderMention } from '../isms/providers';
import { documentProse, sectionProse, sectionsOf } from '../isms/sections';
import { SCOPE_SECTIONS } from './scopeMissingSection';
import type { WorkspaceRule } from './rule';

const sectionPattern = (key: string) => SCOPE_SECTIONS.find((s) => s.key === key)!.pattern;

/**
 * The text of a scope where providers count as named: its interfaces-and-dependencies and exclusions sections,
 * or, when it has no interfaces section (scope-missing-section reports that), the whole scope.
 */
export function scopeDependencyText(scope: IsmsDocument): { text: string; where: string } {
  const sections = sectionsOf(scope);
  const interfaces = sections.filter((s) => sectionPattern('interfaces').test(s.title));
  if (interfaces.length === 0) return { text: documentProse(scope), where: 'anywhere in the scope' };
  const exclusions = sections.filter((s) => sectionPattern('exclusions').test(s.title));
  const text = [...interfaces, ...exclusions].map((s) => `${s.heading.text} ${sectionProse(scope, s)}`).join(' ');
  // Tables in those sections (a dependencies table) count too.
  const tableText = scope.tables
    .filter((t) => [...interfaces, ...exclusions].some((s) => t.range.start.line >= s.startLine && t.range.start.line <= s.endLine))
    .flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text)))
    .join(' ');
  return { text: `${text} ${tableText}`, where: "in the scope's interfaces and dependencies or exclusions" };
}

export const scopeDependencyMissing: WorkspaceRule = {
  code: 'scope-dependency-missing',
  family: 'scope',
  scope: 'workspace',
  defaultSeverity: 'warning',
  description:
    "A provider the ISMS relies on (a supplier register's first column, an asset inventory's Provider/Platform column, a risk register's Supplier column, a risk's or exception's `provider:`/`supplier:`) is not named in the scope's interfaces and dependencies section nor its exclusions; also a temporary deviation closed with `resolution: brought-into-scope` whose provider the scope still does not name.",
  fix: 'Name the provider in the scope\'s "Interfaces and dependencies" section (what it provides and how the hand-over is controlled), or in its exclusions with a reason; or stop using it.',
  check(ctx) {
    const docs = ctx.workspace.ismsDocuments();
    const scopes = docs.filter((d) => d.type === 'scope');
    if (scopes.length !== 1) return; // none: locker-missing-document; several: which one rules is unclear
    const scope = scopes[0];
    const { text, where } = scopeDependencyText(scope);
    const reported = new Set<string>();
    const lower = text.toLowerCase();
    // Registers and risks name the same providers many times over: test each name and its aliases once.
    const named = new Map<string, boolean>();
    const isNamed = (mention: ProviderMention) => {
      const key = [mention.name, ...mention.aliases].join('\u0000');
      let yes = named.get(key);
      if (yes === undefined) named.set(key, (yes = namesProvider(lower, mention)));
      return yes;
    };
    for (const mention of providerMentions(docs)) {
      const key = mention.name.toLowerCase();
      if (reported.has(key) || isNamed(mention)) continue;
      reported.add(key);
      const brought = mention.broughtIntoScope ? ' It was approved as a temporary deviation and closed as brought into scope, but the scope was never updated.' : '';
      ctx.report({
        path: mention.path,
        range: mention.range,
        message: `${mention.name} (${mention.source}) is not named ${where} (${scope.path}).${brought} An auditor who finds it in use will ask why it is outside the ISMS: add it to the interfaces and dependencies, or to the exclusions with a reason.`,
        data: { provider: mention.name, scope: scope.path },
      });
    }
  },
};
