// The peer for Counterpoint's benchmarks: @neo4j/graphql 7 served by Apollo
// Server over the same Neo4j and the same graph, on 127.0.0.1 only.
//
//   NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD   the database (as Counterpoint's)
//   PEER_PORT                                   listen port (default 4100; 0 picks a free one)
//   PEER_POOL                                   driver connection pool size (default 100)
//
// POST /graphql     GraphQL over HTTP (JSON body)
// GET  /healthz     200 when the schema is built
// GET  /bench/stats {"queries": n, "requests": n}: Cypher queries sent to
//                   Neo4j and GraphQL requests served since start; the
//                   benchmark reads it before and after a request to count
//                   the Cypher round trips of that request.
import { readFileSync } from "node:fs";
import http from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { ApolloServer, HeaderMap } from "@apollo/server";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const here = dirname(fileURLToPath(import.meta.url));
const typeDefs = readFileSync(join(here, "typedefs.graphql"), "utf8");

const uri = process.env.NEO4J_URI || "bolt://127.0.0.1:7687";
const user = process.env.NEO4J_USERNAME || "neo4j";
const password = process.env.NEO4J_PASSWORD || "";
const port = Number(process.env.PEER_PORT ?? 4100);
const pool = Number(process.env.PEER_POOL || 100);

const stats = { queries: 0, requests: 0 };

const driver = neo4j.driver(uri, user ? neo4j.auth.basic(user, password) : undefined, {
  maxConnectionPoolSize: pool,
});

// Count every Cypher query @neo4j/graphql sends: it opens a session per
// operation and runs its query in a managed transaction (executeRead or
// executeWrite); wrap the transaction's run.
const countingTx = (tx) =>
  new Proxy(tx, {
    get(target, prop) {
      if (prop === "run") {
        return (...args) => {
          stats.queries++;
          return target.run(...args);
        };
      }
      const v = Reflect.get(target, prop);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
const openSession = driver.session.bind(driver);
driver.session = (config) => {
  const session = openSession(config);
  for (const name of ["executeRead", "executeWrite"]) {
    const original = session[name].bind(session);
    session[name] = (work, txConfig) => original((tx) => work(countingTx(tx)), txConfig);
  }
  const run = session.run.bind(session);
  session.run = (...args) => {
    stats.queries++;
    return run(...args);
  };
  return session;
};

const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
const apollo = new ApolloServer({ schema, introspection: true });
await apollo.start();

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://127.0.0.1");
    if (url.pathname === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      return;
    }
    if (url.pathname === "/bench/stats") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(stats));
      return;
    }
    if (url.pathname !== "/graphql") {
      res.writeHead(404).end();
      return;
    }
    stats.requests++;
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
    }
    const raw = req.method === "POST" ? await readBody(req) : "";
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: url.search,
        body: raw ? JSON.parse(raw) : undefined,
      },
      context: async () => ({}),
    });
    for (const [k, v] of response.headers) res.setHeader(k, v);
    res.statusCode = response.status || 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  } catch (err) {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ errors: [{ message: String(err && err.message ? err.message : err) }] }));
  }
});
server.keepAliveTimeout = 120_000;
server.listen(port, "127.0.0.1", () => {
  console.log(`peer: @neo4j/graphql serving on http://127.0.0.1:${server.address().port}/graphql (Neo4j ${uri})`);
});

const stop = async () => {
  server.close();
  await apollo.stop();
  await driver.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
