# Counterpoint: the two commands are `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
BIN := bin/counterpoint

.PHONY: run test build neo4j-start neo4j-stop validate clean

## build: compile the binary into bin/
build:
	$(GO) build -o $(BIN) ./cmd/counterpoint

## run: start a local Neo4j (unless NEO4J_URI is set), load the seed data, serve.
run: build
	scripts/run.sh

## test: start a throw-away Neo4j, run every test against it, stop it.
test:
	scripts/test.sh

## validate: check the datasets in data/ without a database.
validate:
	$(GO) run ./cmd/counterpoint validate data/*.json

neo4j-start:
	scripts/neo4j.sh start

neo4j-stop:
	scripts/neo4j.sh stop

clean:
	rm -rf bin neo4j/target .neo4j/test
