import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
// Monaco's editor, JSON and GraphQL workers, bundled as files of this build (nothing from a CDN).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { SESSION_STORAGE_KEY } from '../features/session/session-store';
import { createExplorerFetcher } from './fetcher';
import { initialHeaders } from './request-headers';

const DEFAULT_QUERY = `# The poa-match GraphQL explorer. Ctrl-Enter runs an operation; Docs (on the left) lists every type.
# The request headers (below) carry the bearer token: the console's session when you are signed in there.
# To sign in here instead, run the login mutation and put its accessToken in the headers.
#
# mutation { login(email: "…", password: "…") { accessToken } }

{
  themes { code label }
}
`;

const headers = initialHeaders(localStorage.getItem(SESSION_STORAGE_KEY), Date.now());

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={createExplorerFetcher(window.location, headers.headers)}
      defaultQuery={DEFAULT_QUERY}
      initialHeaders={headers.text}
      defaultHeaders={headers.text}
      defaultEditorToolsVisibility="headers"
    />
  </StrictMode>,
);
