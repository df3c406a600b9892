// GraphiQL over Counterpoint's /graphql, from the graphiql npm package.
// ?query=... (URL-encoded) opens the editor on that query.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

const defaultQuery = `# Counterpoint: who argued what, and who countered whom.
# Press Ctrl-Enter (or the run button) to run a query; the Docs button shows the schema.
query LittCountered {
  actor(id: "robert-litt") {
    name
    role
    countered {
      counter { text quotes { text } }
      target { text assertedBy { name } }
      note
    }
  }
}
`;

const params = new URLSearchParams(window.location.search);
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).href });

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery,
    initialQuery: params.get('query') ?? undefined,
    isHeadersEditorEnabled: true,
  }),
);
