// A suite whose tool (Chromium, Neovim, the packaged .vsix) is not there: skipped on a developer's machine, but a
// failure when CI is set, so a run that never exercised it cannot pass (scripts/test-all.mjs also counts skips then).
import type { Context } from 'mocha';

export const onCi = (): boolean => Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

export function missingTool(ctx: Context, what: string): never {
  if (onCi()) throw new Error(`${what} (CI is set, so this suite fails instead of being skipped; run scripts/setup-test-tools.sh)`);
  console.log(`    ${what}; skipping`);
  ctx.skip();
}
