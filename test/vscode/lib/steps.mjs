// The step runner of the UI checks: each step is timed and recorded; once a critical step fails, the steps after
// it are reported as failed (skipped) instead of attempted against a workbench in an unknown state.

/**
 * @param {{ log: (line: string) => void, t0: number, onFailure?: (index: number) => Promise<void> }} o
 * @returns {{ checks: { name: string, ok: boolean, error?: string, seconds: number }[],
 *             check: (name: string, fn: () => Promise<void>, opts?: { critical?: boolean }) => Promise<void>,
 *             readonly broken: boolean }}
 */
export function stepRunner({ log, t0, onFailure }) {
  const checks = [];
  let broken = false;
  const check = async (name, fn, { critical = false } = {}) => {
    const start = Date.now();
    if (broken) {
      checks.push({ name, ok: false, error: 'skipped: an earlier step failed', seconds: 0 });
      log(`  FAIL ${name} (skipped: an earlier step failed)`);
      return;
    }
    try {
      await fn();
      checks.push({ name, ok: true, seconds: (Date.now() - start) / 1000 });
      log(`  ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    } catch (e) {
      const error = String(e?.message ?? e).split('\n')[0];
      checks.push({ name, ok: false, error, seconds: (Date.now() - start) / 1000 });
      log(`  FAIL ${name}: ${error}`);
      if (onFailure) await onFailure(checks.length).catch(() => {});
      if (critical) broken = true;
    }
  };
  return {
    checks,
    check,
    /** Whether a critical step has failed. */
    get broken() {
      return broken;
    },
  };
}
