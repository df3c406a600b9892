// Package graph holds gqlgen's generated executable schema and models.
// Everything here except this file is generated from ../schema.graphqls by
// `go generate ./...` (the directive is in ../generate.go, since gqlgen
// resolves gqlgen.yml's paths from the working directory); never edit it by
// hand.
package graph
