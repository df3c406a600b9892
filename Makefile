# Counterpoint: the two commands are `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
BIN := bin/counterpoint

.PHONY: run test build web bench bench-aif neo4j-start neo4j-stop validate generate clean

## build: the explorer's bundle, then the binary (which embeds it) into bin/
build: web
	$(GO) build -o $(BIN) ./cmd/counterpoint

## web: build the explorer and GraphiQL from npm packages into web/dist
web:
	scripts/web-build.sh

## generate: regenerate graph/ from schema.graphqls
generate:
	$(GO) generate ./...

## run: start a local Neo4j (unless NEO4J_URI is set), load the seed data, serve.
run: build
	scripts/run.sh

## test: start a throw-away Neo4j, run every test against it, stop it.
test:
	scripts/test.sh

## validate: check the datasets in data/ without a database.
validate:
	$(GO) run ./cmd/counterpoint validate $(filter-out data/dataset.schema.json,$(wildcard data/*.json))

## bench-aif: the AIF corpus step of make bench alone: write the generated corpus of issue 19 (1,400 maps) and time two loads of it with --skip-invalid (Neo4j in NEO4J_URI; it is emptied first); results in AIF_RESULTS, for counterpoint-bench report
bench-aif:
	go build -o bin/counterpoint ./cmd/counterpoint && go build -o bin/counterpoint-bench ./cmd/counterpoint-bench
	bin/counterpoint-bench aif-load --corpus $${AIF_CORPUS:-/tmp/counterpoint-aif-corpus} --out $${AIF_RESULTS:-/tmp/counterpoint-aif-results}

## bench: the benchmarks; writes docs/performance.md and its chart (takes many minutes)
bench:
	scripts/bench.sh

neo4j-start:
	scripts/neo4j.sh start

neo4j-stop:
	scripts/neo4j.sh stop

clean:
	rm -rf bin neo4j/target .neo4j/test && find web/dist -mindepth 1 ! -name .gitkeep -delete
