// Package data holds the curated datasets, the source texts they quote, and
// the JSON Schema of the dataset format, embedded so that the binary can
// validate and seed without the repository beside it.
package data

import "embed"

// Schema is the JSON Schema (draft 2020-12) that every dataset file must meet.
//
//go:embed dataset.schema.json
var Schema []byte

// SchemaID is the $id under which Schema is registered.
const SchemaID = "urn:counterpoint:dataset:v1"

// Files holds the seed datasets and their source texts, at the same relative
// paths as in this folder.
//
//go:embed *.json sources
var Files embed.FS

// Seeds lists the datasets that `counterpoint load --seed` and `make run` load.
var Seeds = []string{"wapo-2015-encryption.json"}
