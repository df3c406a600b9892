// Package graph holds gqlgen's generated executable schema and models.
// Everything here except this file is generated from ../schema.graphqls by
// `go generate ./...`; never edit it by hand.
package graph

//go:generate go tool gqlgen generate --config ../gqlgen.yml
