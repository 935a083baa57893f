// What the ISMS trees share: nodes built once per refresh from a server answer, a text filter (view title
// button), refresh on the server's (debounced) change event, and a welcome view when there is nothing to show.
import * as vscode from 'vscode';
import type { IsmsServer } from '../ismsServer';
import type { Loc } from '../../../server/src/protocol';

export interface Node {
  /** Stable across refreshes, so expansion state survives. */
  id: string;
  label: string | vscode.TreeItemLabel;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  icon?: vscode.ThemeIcon;
  contextValue?: string;
  /** Where a click leads. */
  open?: Loc;
  children?: Node[];
  expanded?: boolean;
  /** Extra data for context-menu commands (a document URI, an ID, a template kind...). */
  data?: Record<string, string>;
  resourceUri?: vscode.Uri;
}

export const OPEN_LOCATION = 'isms.openLocation';

export function openCommand(loc: Loc, title = 'Open'): vscode.Command {
  return { command: OPEN_LOCATION, title, arguments: [loc.uri, loc.line, loc.character ?? 0] };
}

/** Text a filter matches: the label, description and tooltip of a node. */
function haystack(n: Node): string {
  const label = typeof n.label === 'string' ? n.label : n.label.label;
  const tooltip = typeof n.tooltip === 'string' ? n.tooltip : (n.tooltip?.value ?? '');
  return `${label} ${n.description ?? ''} ${tooltip}`.toLowerCase();
}

/** Keeps nodes that match, and parents of nodes that match (expanded so matches show). */
export function filterNodes(nodes: Node[], filter: string): Node[] {
  if (!filter) return nodes;
  const out: Node[] = [];
  for (const n of nodes) {
    if (haystack(n).includes(filter)) {
      out.push(n);
      continue;
    }
    const children = n.children ? filterNodes(n.children, filter) : [];
    // Expanded, and counting what matches rather than what the group holds.
    if (children.length) out.push({ ...n, children, expanded: true, description: `${children.length} of ${n.children!.length} match` });
  }
  return out;
}

export abstract class IsmsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Node[] | undefined;
  /** Parent of each node by id, for reveal(). */
  private readonly parents = new Map<string, Node | undefined>();
  private loading: Promise<Node[]> | undefined;
  private filterText = '';
  view: vscode.TreeView<Node> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    readonly viewId: string,
    protected readonly server: IsmsServer,
    private readonly filterContextKey?: string,
  ) {
    this.disposables.push(server.onDidChange(() => this.refresh()));
  }

  /** Builds the top-level nodes from the server's answer. */
  protected abstract load(): Promise<Node[]>;

  register(): vscode.TreeView<Node> {
    this.view = vscode.window.createTreeView(this.viewId, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view);
    return this.view;
  }

  refresh(): void {
    this.loading = undefined;
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  /** The unfiltered top-level nodes (loading them if needed), for tests and commands. */
  async nodes(): Promise<Node[]> {
    if (this.roots) return this.roots;
    // Until the start-up probe has decided, the view waits (with its progress bar) rather than show the
    // welcome text; a quiet workspace then shows the welcome, and opening the view does not start the server.
    await this.server.decided;
    if (!this.server.awake) {
      this.loaded();
      return [];
    }
    // The view's own progress bar while the server indexes (the first answer waits for the workspace to load).
    if (!this.loading) {
      const loading: Promise<Node[]> = Promise.resolve(vscode.window.withProgress({ location: { viewId: this.viewId } }, () => this.load())).then((n) => {
        // A refresh while this load ran started another: that one's answer counts (VS Code dropped this request).
        if (this.loading !== loading) return n;
        this.parents.clear();
        const index = (list: Node[], parent: Node | undefined) => {
          for (const node of list) {
            this.parents.set(node.id, parent);
            if (node.children) index(node.children, node);
          }
        };
        index(n, undefined);
        this.loaded();
        return (this.roots = n);
      });
      this.loading = loading;
    }
    return this.loading;
  }

  /**
   * The view's welcome text ("No ISMS document recognised here yet") waits for its first load (package.json's
   * `isms.loaded.<view>`): shown while the extension starts and the server reads the folder, it said that about
   * an ISMS not read yet. Until then the view says it is reading.
   */
  private loaded(): void {
    if (this.announcedLoaded) return;
    this.announcedLoaded = true;
    void vscode.commands.executeCommand('setContext', `isms.loaded.${this.viewId.replace(/^isms\./, '')}`, true);
  }
  private announcedLoaded = false;

  getParent(node: Node): Node | undefined {
    return this.parents.get(node.id);
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim().toLowerCase();
    if (this.view) this.view.description = this.filterText ? `filter: ${text.trim()}` : undefined;
    if (this.filterContextKey) void vscode.commands.executeCommand('setContext', this.filterContextKey, !!this.filterText);
    this.changed.fire(undefined);
  }

  async askFilter(): Promise<void> {
    const text = await vscode.window.showInputBox({ title: `Filter ${this.view?.title ?? 'view'}`, prompt: 'Show items whose ID, title, owner or status contains this text (empty clears the filter)', value: this.filterText });
    if (text !== undefined) this.setFilter(text);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const list = node ? (node.children ?? []) : await this.nodes();
    return node ? list : filterNodes(list, this.filterText);
  }

  getTreeItem(n: Node): vscode.TreeItem {
    const collapsible = n.children?.length ? (n.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(n.label, collapsible);
    item.id = this.filterText && n.expanded ? `${n.id}#filtered` : n.id;
    item.description = n.description;
    item.tooltip = n.tooltip;
    item.iconPath = n.icon;
    item.contextValue = n.contextValue;
    if (n.resourceUri) item.resourceUri = n.resourceUri;
    if (n.open) item.command = openCommand(n.open);
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export const icon = (id: string, color?: string) => new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);

/** One folder: its nodes directly; several: a node per folder. */
export function perRoot<T extends { rootUri: string; name: string }>(roots: T[], build: (root: T) => Node[], prefix: string): Node[] {
  if (roots.length === 1) return build(roots[0]);
  return roots.map((r) => ({ id: `${prefix}:${r.rootUri}`, label: r.name, icon: icon('root-folder'), children: build(r), expanded: true, contextValue: 'root' }));
}

export function md(text: string): vscode.MarkdownString {
  const m = new vscode.MarkdownString(text);
  m.supportThemeIcons = true;
  return m;
}

/** Markdown-escapes text from documents for tooltips. */
export const esc = (s: string | undefined) => (s ?? '').replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');
