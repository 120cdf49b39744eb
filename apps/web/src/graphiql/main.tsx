import 'graphiql/style.css';
import 'graphiql/setup-workers/vite';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The real GraphiQL at /graphiql, bundled with the app (no CDN: the machines have no internet).
 * Put `{"authorization": "Bearer <token>"}` in the headers tab: `npm start` prints a token per
 * role. Subscriptions go over graphql-ws on the same path, with the same header.
 */
const url = `${location.origin}/graphql`;
const fetcher = createGraphiQLFetcher({
  url,
  subscriptionUrl: url.replace(/^http/, 'ws'),
});

const DEFAULT_QUERY = `# Put {"authorization": "Bearer <token>"} in the Headers tab below
# (npm start prints a token per role), then run with Ctrl+Enter.
query Programs {
  programs(first: 5) {
    edges { node { id title { th en } status } }
  }
}
`;

const container = document.getElementById('graphiql');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} defaultHeaders={'{\n  "authorization": "Bearer "\n}'} isHeadersEditorEnabled shouldPersistHeaders={false} />
    </StrictMode>,
  );
}
