package counterpoint

// The GraphQL layer is generated from schema.graphqls into graph/ (and new
// resolver stubs into resolvers/) by gqlgen, pinned as a tool in go.mod.
//go:generate go run ./internal/generate --config gqlgen.yml
