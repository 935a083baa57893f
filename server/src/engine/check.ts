// Runs the registered rules over a workspace with the configured severities. A rule that throws is reported
// once as `rule-failed` and the other rules still run.
//
// IncrementalChecker keeps every rule's findings per document, with the facets of the index each run read (see
// workspace.ts). After an edit only the edited document's rules, the runs that read something the edit changed
// (a document whose headings a link points at, the set of risk IDs, ...) and the workspace rules that read what
// changed run again; an SoA or risk register change re-runs its dependants' rules without re-parsing them.
// checkWorkspace is one full pass of the same machinery, so both give the same findings in the same order.
import { runToEnd } from './util/steps';
import type { Diagnostic, IsmsDocument, Severity, Suppression } from './model';
import { findSuppression } from './parse/suppressions';
import { SEVERITIES, START_RANGE, isIsmsDocument } from './model';
import { comparePaths, type IsmsWorkspace } from './workspace/workspace';
import type { Rule, RuleContext } from './rules/rule';
import { RULES } from './rules/registry';
import { todayUtc } from './util/dates';

export interface CheckOptions {
  /** Days since epoch; defaults to the current UTC date. */
  today?: number;
  rules?: readonly Rule[];
}

export interface SuppressedFinding {
  diagnostic: Diagnostic;
  suppression: Suppression;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** Findings hidden by a suppression comment, kept for review (`--list-suppressions`, the audit pack). */
  suppressed: SuppressedFinding[];
}

/** Codes a suppression can never hide: the suppression checks themselves and engine failures. */
const UNSUPPRESSIBLE = new Set(['suppression-missing-reason', 'suppression-unknown-code', 'rule-failed']);

export function checkWorkspace(workspace: IsmsWorkspace, options: CheckOptions = {}): Diagnostic[] {
  return checkWorkspaceDetailed(workspace, options).diagnostics;
}

export function checkWorkspaceDetailed(workspace: IsmsWorkspace, options: CheckOptions = {}): CheckResult {
  const checker = new IncrementalChecker(workspace, { rules: options.rules, watch: false, once: true });
  checker.check(options.today ?? todayUtc());
  return checker.detailed();
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return comparePaths(a.path, b.path) || compareInPath(a, b);
}

function compareInPath(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || comparePaths(a.code, b.code);
}

/** One rule's run on one document (or, for a workspace rule, on the workspace: owner "."). */
interface Entry {
  rule: number;
  owner: string;
  findings: Diagnostic[];
  /** Why the rule threw, if it did. */
  failure?: string;
  /** Facets of the index the run read, other than its own document. */
  deps: string[];
}

/** A workspace rule slower than this is run after the edited document's findings are published (see check()). */
const SLOW_WORKSPACE_RULE_MS = 8;

/** Findings on one path after suppressions, sorted. */
export interface PathFindings {
  diagnostics: Diagnostic[];
  suppressed: SuppressedFinding[];
}

export interface CheckStats {
  /** Rule runs made by the last check (document × rule, plus workspace rules). */
  ruleRuns: number;
  /** Paths whose findings were recomputed. */
  pathsAssembled: number;
  /** Documents added, changed or removed since the previous check. */
  documentsChanged: number;
  ms: number;
}

const NONE: PathFindings = { diagnostics: [], suppressed: [] };

/** Documents with at least this many lines pause the check after each rule run on them (see runOwner). */
const LARGE_DOCUMENT_LINES = 1000;

export class IncrementalChecker {
  private readonly active: { rule: Rule; index: number; severity: Severity }[] = [];
  /** Per document path: each rule's run (null: ran, found nothing, read nothing else; undefined: not run). */
  private docRuns = new Map<string, (Entry | null | undefined)[]>();
  private workspaceRuns: (Entry | null | undefined)[] = [];
  /**
   * Runs that read each facet, to re-run when it changes. A replaced run leaves every set at once: a run kept
   * until some later sweep would keep its findings alive too, and a day of typing would grow without bound.
   */
  private byFacet = new Map<string, { key: string; entries: Set<Entry> }>();
  /** Workspace rules that took long last time, and those of them waiting to run (see check()). */
  private readonly slow = new Set<number>();
  private readonly deferred = new Set<number>();
  /** Runs that reported findings on a path other than their owner's. */
  private foreign = new Map<string, Set<Entry>>();
  private failing = new Set<Entry>();
  private output = new Map<string, PathFindings>();
  private today: number | undefined;
  private readonly changes: { take(): { facets: Set<string>; paths: Set<string> }; dispose(): void } | undefined;
  private readonly reads = new Set<string>();
  /** Above this a workspace rule is slow (see check()); tests set 0 to make every one slow. */
  private readonly slowWorkspaceRuleMs: number;
  /**
   * A single check whose runs are never repeated (checkWorkspaceDetailed): what each run reads is not recorded, so
   * rules see the documents themselves, not the proxies that record reads, and no run keeps dependencies.
   */
  private readonly once: boolean;
  /** Skips workspace rules (for localFindings, where only a document's own rules matter). */
  private readonly documentRulesOnly: boolean;
  stats: CheckStats = { ruleRuns: 0, pathsAssembled: 0, documentsChanged: 0, ms: 0 };

  constructor(
    readonly workspace: IsmsWorkspace,
    options: { rules?: readonly Rule[]; watch?: boolean; documentRulesOnly?: boolean; slowWorkspaceRuleMs?: number; once?: boolean } = {},
  ) {
    this.documentRulesOnly = options.documentRulesOnly === true;
    this.once = options.once === true;
    this.slowWorkspaceRuleMs = options.slowWorkspaceRuleMs ?? SLOW_WORKSPACE_RULE_MS;
    (options.rules ?? RULES).forEach((rule, index) => {
      const level = workspace.config.rules[rule.code] ?? rule.defaultSeverity;
      if (level !== 'off') this.active.push({ rule, index, severity: level });
    });
    this.changes = options.watch === false ? undefined : workspace.watchChanges();
  }

  dispose(): void {
    this.changes?.dispose();
  }

  /**
   * Brings every finding up to date with the workspace and returns the paths whose findings changed since the
   * previous check (all paths with findings, the first time).
   */
  check(today: number, options: { deferSlowRules?: boolean } = {}): Set<string> {
    return runToEnd(this.steps(today, options));
  }

  /**
   * check() as steps: it pauses after each document's rule runs (each rule's, on a large document) and every few paths assembled, so a caller can
   * spread a large check (the first of a 5,000-document folder takes seconds) over turns of the event loop. The
   * index may change between steps: each run reads it as it is then, and the change log keeps every change made
   * after the check began for the next check, which re-runs whatever read something that changed. Only one check
   * of a checker may be in progress at a time.
   */
  *steps(today: number, options: { deferSlowRules?: boolean } = {}): Generator<void, Set<string>, void> {
    const started = Date.now();
    this.stats = { ruleRuns: 0, pathsAssembled: 0, documentsChanged: 0, ms: 0 };
    const affected = new Set<string>();
    const toRun = new Map<string, Set<number> | 'all'>();
    const first = this.today !== today;
    const changes = this.changes?.take();
    if (first) {
      for (const path of this.output.keys()) affected.add(path);
      this.docRuns = new Map();
      this.workspaceRuns = [];
      this.byFacet = new Map();
      this.foreign = new Map();
      this.failing = new Set();
      this.deferred.clear();
      this.today = today;
      this.workspace.forgetWatchedDocuments();
      for (const doc of this.workspace.markdownDocuments()) toRun.set(doc.path, 'all');
      if (!this.documentRulesOnly) toRun.set('.', 'all');
    } else if (changes) {
      this.stats.documentsChanged = changes.paths.size;
      for (const path of changes.paths) {
        this.dropDocument(path, affected);
        affected.add(path);
        if (this.workspace.getDocument(path)) toRun.set(path, 'all');
      }
      for (const facet of changes.facets) {
        for (const entry of this.byFacet.get(facet)?.entries ?? []) {
          const runs = toRun.get(entry.owner);
          if (runs === 'all') continue;
          if (runs) runs.add(entry.rule);
          else toRun.set(entry.owner, new Set([entry.rule]));
        }
      }
    }
    // Slow workspace rules (a scan of every document's references, say) can wait for a second pass, so that an
    // edited document's own findings are published first; the caller runs check() again right after.
    const workspaceRuns = toRun.get('.');
    if (!first && workspaceRuns !== 'all') {
      const due = new Set([...(workspaceRuns ?? []), ...this.deferred]);
      this.deferred.clear();
      if (options.deferSlowRules) for (const rule of due) if (this.slow.has(rule)) {
        due.delete(rule);
        this.deferred.add(rule);
      }
      if (due.size) toRun.set('.', due);
      else toRun.delete('.');
    }
    this.workspace.recordReads(undefined);
    if (first) yield* this.workspace.prepareReferences();
    for (const [owner, runs] of toRun) yield* this.runOwner(owner, runs, affected);
    const changed = new Set<string>();
    let assembled = 0;
    for (const path of affected) {
      if (this.assemble(path)) changed.add(path);
      if (++assembled % 64 === 0) yield;
    }
    this.stats.pathsAssembled = affected.size;
    this.stats.ms = Date.now() - started;
    return changed;
  }

  /** Whether slow workspace rules are waiting for the next check (see check()). */
  hasDeferred(): boolean {
    return this.deferred.size > 0;
  }

  /** The findings on one path (workspace-relative; "." for the workspace as a whole). */
  findings(path: string): PathFindings {
    return this.output.get(path) ?? NONE;
  }

  /**
   * The findings on a document of the rules whose run read nothing but that document: what any workspace holding
   * this document would report for those rules (see Roots.earlyFindings).
   */
  localFindings(path: string): Diagnostic[] {
    const suppressions = this.workspace.getDocument(path)?.suppressions ?? [];
    const found: Diagnostic[] = [];
    for (const entry of this.docRuns.get(path) ?? []) {
      if (!entry || entry.deps.length || entry.failure !== undefined) continue;
      for (const d of entry.findings) {
        if (d.path !== path) continue;
        if (suppressions.length && !UNSUPPRESSIBLE.has(d.code) && findSuppression(suppressions, d.code, d.range.start.line)) continue;
        found.push(d);
      }
    }
    return found.sort(compareInPath);
  }

  /** Paths that have findings or suppressed findings. */
  paths(): IterableIterator<string> {
    return this.output.keys();
  }

  /** Every finding, sorted by path, position and code, and the suppressed ones in the order they were found. */
  detailed(): CheckResult {
    const diagnostics: Diagnostic[] = [];
    for (const path of [...this.output.keys()].sort(comparePaths)) diagnostics.push(...this.output.get(path)!.diagnostics);
    diagnostics.sort(compareDiagnostics); // already in order, unless two paths compare equal
    // Suppressed findings in the order the rules produced them: rule by rule, document by document.
    const suppressedBy = new Map<Diagnostic, SuppressedFinding>();
    for (const out of this.output.values()) for (const s of out.suppressed) suppressedBy.set(s.diagnostic, s);
    const suppressed: SuppressedFinding[] = [];
    if (suppressedBy.size) {
      const owners = [...this.docRuns.keys()].sort(comparePaths);
      for (const { index } of this.active) {
        const entries = [this.workspaceRuns[index], ...owners.map((o) => this.docRuns.get(o)![index])];
        for (const entry of entries) for (const d of entry?.findings ?? []) if (suppressedBy.has(d)) suppressed.push(suppressedBy.get(d)!);
      }
    }
    return { diagnostics, suppressed };
  }

  /**
   * Runs rules on one owner; pauses after the document's runs, or after each workspace rule (some take 100 ms), or
   * after each rule on a large document (the rules on a register with 2,000 rows just pasted took 40-120 ms in all).
   * Every rule on a document runs on the model it had when its runs began; a change since re-runs them all next time.
   */
  private *runOwner(owner: string, runs: Set<number> | 'all', affected: Set<string>): Generator<void, void, void> {
    const isWorkspace = owner === '.';
    const doc = isWorkspace ? undefined : this.workspace.getDocument(owner);
    if (!isWorkspace && !doc) return;
    const pauseEach = isWorkspace || doc!.lineCount >= LARGE_DOCUMENT_LINES;
    let slots = isWorkspace ? this.workspaceRuns : this.docRuns.get(owner);
    if (!slots) {
      slots = [];
      this.docRuns.set(owner, slots);
    }
    for (const { rule, index, severity } of this.active) {
      if (runs !== 'all' && !runs.has(index)) continue;
      if (isWorkspace !== (rule.scope === 'workspace')) continue;
      if (rule.scope === 'document' && rule.appliesTo !== 'allMarkdown' && !isIsmsDocument(doc!)) continue;
      const old = slots[index];
      if (old) this.unregister(old, affected);
      const entry = yield* this.run(rule, index, severity, owner, doc, old);
      slots[index] = entry;
      if (entry) this.register(entry, affected);
      if (pauseEach) yield;
    }
    if (!pauseEach) yield;
  }

  /** When set, the time each rule took in the last check, by code (for profiling). */
  ruleTimes: Map<string, number> | undefined;

  private *run(rule: Rule, index: number, severity: Severity, owner: string, doc: IsmsDocument | undefined, previous: Entry | null | undefined): Generator<void, Entry | null, void> {
    this.stats.ruleRuns++;
    const timed = this.ruleTimes !== undefined || rule.scope === 'workspace';
    let t0 = timed ? performance.now() : 0;
    /** The rule's own time (not its pauses'), for the slow-rule deferral and the profile. */
    let ms = 0;
    const findings: Diagnostic[] = [];
    const ctx: RuleContext = {
      workspace: this.workspace,
      today: this.today!,
      report: ({ path, range, message, data, atMost }) =>
        findings.push({ path: path ?? owner, range, severity: atMost ? weaker(severity, atMost) : severity, code: rule.code, message, ...(data ? { data } : {}) }),
    };
    const reads = this.reads;
    reads.clear();
    let failure: string | undefined;
    if (!this.once) this.workspace.recordReads(reads, index);
    try {
      const steps = rule.scope === 'workspace' ? rule.check(ctx) : rule.check(doc!, ctx);
      // A rule written as steps: reads are recorded only while it runs, not while the loop does other work.
      if (steps) {
        for (let step = steps.next(); !step.done; step = steps.next()) {
          this.workspace.recordReads(undefined);
          if (timed) ms += performance.now() - t0;
          yield;
          if (timed) t0 = performance.now();
          if (!this.once) this.workspace.recordReads(reads, index);
        }
      }
    } catch (e) {
      failure = `Rule ${rule.code} failed${owner !== '.' ? ` on ${owner}` : ''} and its findings there are missing: ${(e as Error)?.message ?? String(e)}. Please report this.`;
    } finally {
      this.workspace.recordReads(undefined);
    }
    if (timed) {
      ms += performance.now() - t0;
      if (this.ruleTimes) this.ruleTimes.set(rule.code, (this.ruleTimes.get(rule.code) ?? 0) + ms);
      if (rule.scope === 'workspace') {
        if (ms > this.slowWorkspaceRuleMs) this.slow.add(index);
        else this.slow.delete(index);
      }
    }
    if (reads.size) reads.delete(`doc:${owner}`); // its own document: a change to it re-runs everything on it anyway
    // Fields of all documents read in earlier runs stay dependencies: a value cached per document in such a run may
    // have spared this run the read (see IsmsWorkspace.recordReads).
    for (const facet of previous?.deps ?? []) if (facet.startsWith('docs.')) reads.add(facet);
    if (findings.length === 0 && reads.size === 0 && failure === undefined) return null;
    return { rule: index, owner, findings, failure, deps: reads.size ? [...reads] : [] };
  }

  private register(entry: Entry, affected: Set<string>): void {
    const { deps } = entry;
    for (let i = 0; i < deps.length; i++) {
      const known = this.byFacet.get(deps[i]);
      if (known) {
        known.entries.add(entry);
        deps[i] = known.key; // one copy of each facet name, however many runs read it
      } else this.byFacet.set(deps[i], { key: deps[i], entries: new Set([entry]) });
    }
    for (const d of entry.findings) {
      affected.add(d.path);
      if (d.path !== entry.owner) {
        const set = this.foreign.get(d.path);
        if (set) set.add(entry);
        else this.foreign.set(d.path, new Set([entry]));
      }
    }
    if (entry.failure !== undefined) {
      this.failing.add(entry);
      affected.add('.');
    }
  }

  private unregister(entry: Entry, affected: Set<string>): void {
    for (const facet of entry.deps) {
      const known = this.byFacet.get(facet);
      if (!known) continue;
      known.entries.delete(entry);
      if (known.entries.size === 0) this.byFacet.delete(facet);
    }
    for (const d of entry.findings) {
      affected.add(d.path);
      if (d.path !== entry.owner) {
        const set = this.foreign.get(d.path);
        if (!set) continue;
        set.delete(entry);
        if (set.size === 0) this.foreign.delete(d.path);
      }
    }
    if (this.failing.delete(entry)) affected.add('.');
  }

  private dropDocument(path: string, affected: Set<string>): void {
    const slots = this.docRuns.get(path);
    if (!slots) return;
    for (const entry of slots) if (entry) this.unregister(entry, affected);
    this.docRuns.delete(path);
  }

  /** Recomputes one path's findings; true when they differ from before. */
  private assemble(path: string): boolean {
    const contributors: Entry[] = [];
    const own = path === '.' ? this.workspaceRuns : this.docRuns.get(path);
    for (const entry of own ?? []) if (entry && entry.findings.length) contributors.push(entry);
    for (const entry of this.foreign.get(path) ?? []) contributors.push(entry);
    // The order rules produce findings in: rule by rule, then document by document (in path order).
    contributors.sort((a, b) => a.rule - b.rule || (a.owner === b.owner ? 0 : a.owner === '.' ? -1 : b.owner === '.' ? 1 : comparePaths(a.owner, b.owner)));
    const found: Diagnostic[] = [];
    for (const entry of contributors) for (const d of entry.findings) if (d.path === path) found.push(d);
    if (path === '.' && this.failing.size) {
      // One rule-failed per rule: the first document it failed on.
      const first = new Map<number, Entry>();
      for (const entry of this.failing) {
        const seen = first.get(entry.rule);
        if (!seen || (entry.owner === '.' ? -1 : seen.owner === '.' ? 1 : comparePaths(entry.owner, seen.owner)) < 0) first.set(entry.rule, entry);
      }
      for (const rule of [...first.keys()].sort((a, b) => a - b)) {
        found.push({ path: '.', range: START_RANGE, severity: 'error', code: 'rule-failed', message: first.get(rule)!.failure! });
      }
    }
    const result: PathFindings = { diagnostics: [], suppressed: [] };
    const suppressions = path === '.' ? [] : (this.workspace.getDocument(path)?.suppressions ?? []);
    for (const diagnostic of found) {
      const suppression = suppressions.length && !UNSUPPRESSIBLE.has(diagnostic.code) ? findSuppression(suppressions, diagnostic.code, diagnostic.range.start.line) : undefined;
      if (suppression) result.suppressed.push({ diagnostic, suppression });
      else result.diagnostics.push(diagnostic);
    }
    result.diagnostics.sort(compareInPath);
    const before = this.output.get(path) ?? NONE;
    if (result.diagnostics.length || result.suppressed.length) this.output.set(path, result);
    else this.output.delete(path);
    return !sameFindings(before.diagnostics, result.diagnostics);
  }
}

/** The less severe of two severities (SEVERITIES runs from most to least severe). */
function weaker(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

function sameFindings(a: Diagnostic[], b: Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  return true;
}
