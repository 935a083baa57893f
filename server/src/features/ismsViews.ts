// The data behind the editor's ISMS views: isms/evidenceLocker, isms/soaTree, isms/controls, isms/risks,
// isms/actions, isms/scope and isms/fileHealth (see ../protocol.ts), answered from the index by ../engine/query/ismsViews.
import type { Feature } from './context';
import { linkerFor, onIsmsRequest, rootName, rootsFor } from './ismsRequests';
import { actionList, allControls, evidenceLocker, fileHealth, groupFindings, riskList, scopeDocuments, soaTree } from '../engine/query/ismsViews';

export const ismsViews: Feature = {
  capabilities: {},
  register(ctx) {
    onIsmsRequest(ctx, 'isms/evidenceLocker', async (params) => ({
      roots: (await rootsFor(ctx, params.rootUri)).map((root) => ({
        rootUri: root.uri,
        name: rootName(root),
        ...evidenceLocker(root.workspace, ctx.today(), linkerFor(ctx, root), groupFindings(ctx.diagnostics.publishedFindings(root.uri))),
      })),
    }));
    onIsmsRequest(ctx, 'isms/soaTree', async (params) => ({
      roots: (await rootsFor(ctx, params.rootUri)).map((root) => ({ rootUri: root.uri, name: rootName(root), ...soaTree(root.workspace, linkerFor(ctx, root)) })),
    }));
    onIsmsRequest(ctx, 'isms/controls', async (params) => ({
      roots: (await rootsFor(ctx, params.rootUri)).map((root) => ({ rootUri: root.uri, name: rootName(root), controls: allControls(root.workspace, linkerFor(ctx, root)) })),
    }));
    onIsmsRequest(ctx, 'isms/risks', async (params) => ({
      roots: (await rootsFor(ctx, params.rootUri)).map((root) => ({ rootUri: root.uri, name: rootName(root), ...riskList(root.workspace, linkerFor(ctx, root), groupFindings(ctx.diagnostics.publishedFindings(root.uri))) })),
    }));
    onIsmsRequest(ctx, 'isms/actions', async (params) => ({
      roots: (await rootsFor(ctx, params.rootUri)).map((root) => ({ rootUri: root.uri, name: rootName(root), ...actionList(root.workspace, ctx.today(), linkerFor(ctx, root)) })),
    }));
    onIsmsRequest(ctx, 'isms/scope', async (params) => ({
      roots: (await rootsFor(ctx, params.rootUri)).map((root) => ({
        rootUri: root.uri,
        name: rootName(root),
        documents: scopeDocuments(root.workspace, ctx.today(), linkerFor(ctx, root), groupFindings(ctx.diagnostics.publishedFindings(root.uri))),
      })),
    }));
    onIsmsRequest(ctx, 'isms/fileHealth', async (params) => ({
      roots: (await rootsFor(ctx, params.rootUri)).map((root) => ({ rootUri: root.uri, name: rootName(root), files: fileHealth(linkerFor(ctx, root), groupFindings(ctx.diagnostics.publishedFindings(root.uri))) })),
    }));
  },
};
