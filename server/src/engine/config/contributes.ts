// Generates package.json's `contributes.configuration` from the one schema (SETTINGS) and the rule registry,
// so VS Code's settings UI documents every setting and every rule code with its default severity.
import { RULE_LEVELS, SETTINGS } from './schema';
import { RULES } from '../rules/registry';

export function contributedConfiguration(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const entry: Record<string, unknown> = { ...setting.schema, default: setting.default, markdownDescription: setting.description };
    if (setting.key === 'rules') {
      entry.properties = Object.fromEntries(
        RULES.map((r) => [r.code, { type: 'string', enum: RULE_LEVELS, default: r.defaultSeverity, markdownDescription: `${r.description} Fix: ${r.fix}` }]),
      );
      entry.additionalProperties = false;
    }
    entry.scope = 'resource';
    properties[`isms.${setting.key}`] = entry;
  }
  return { title: 'ISMS Markdown', properties };
}
