package counterpoint

// The GraphQL layer is generated from schema.graphqls into graph/ (and new
// resolver stubs into resolvers/) by gqlgen, pinned as a tool in go.mod,
// run through internal/generate so that the objects internal/fieldorder
// names resolve their fields one after another, and the lists whose
// elements never wait are marshalled in order.
//go:generate go run ./internal/generate --config gqlgen.yml
