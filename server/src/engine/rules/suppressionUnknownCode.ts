import type { DocumentRule } from './rule';
// The registry imports this rule; the codes are read only when checking, after both modules are loaded.
import { RULES } from './registry';
import { closest } from './helpers';

export const suppressionUnknownCode: DocumentRule = {
  code: 'suppression-unknown-code',
  family: 'suppressions',
  scope: 'document',
  appliesTo: 'allMarkdown',
  defaultSeverity: 'warning',
  description: 'A suppression names a rule code that does not exist, so it hides nothing (often a typo).',
  fix: 'Correct the code; `isms rules` lists them all.',
  check(doc, ctx) {
    if (doc.suppressions.length === 0) return;
    const codes = new Set(RULES.map((r) => r.code));
    for (const s of doc.suppressions) {
      for (const code of s.codes) {
        if (codes.has(code)) continue;
        const suggestion = closest(code, [...codes]);
        ctx.report({ range: s.range, message: `No rule has the code "${code}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}` });
      }
    }
  },
};
