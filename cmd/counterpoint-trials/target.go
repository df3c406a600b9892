package main

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// makeRunPort is the Bolt port of the `make run` graph (scripts/neo4j.sh's
// default), which no trial touches unless told to.
const makeRunPort = "7687"

// Validate refuses a target that is the `make run` graph unless --i-mean-it
// is given: kong calls it before any trial runs (and never after --help).
func (c Common) Validate() error {
	if c.IMeanIt {
		return nil
	}
	if isMakeRunURI(c.URI) {
		return fmt.Errorf("--neo4j-uri %s is the make run graph (Bolt on port %s of this machine), which this trial would empty; point it at a Neo4j of its own (scripts/reliability/run.sh starts one on 7689), or add --i-mean-it", c.URI, makeRunPort)
	}
	return nil
}

// Validate refuses to kill the `make run` Neo4j (the one whose home is
// .neo4j/data, pid file .neo4j/data.pid) unless --i-mean-it is given.
func (c KillNeo4jCmd) Validate() error { return c.Neo4jControl.check(c.IMeanIt) }

// Validate: as KillNeo4jCmd's.
func (c OutageCmd) Validate() error { return c.Neo4jControl.check(c.IMeanIt) }

func (n Neo4jControl) check(iMeanIt bool) error {
	if iMeanIt || n.PIDFile == "" {
		return nil
	}
	abs, err := filepath.Abs(n.PIDFile)
	if err != nil {
		return err
	}
	if filepath.Base(abs) == "data.pid" && filepath.Base(filepath.Dir(abs)) == ".neo4j" {
		return fmt.Errorf("--neo4j-pid-file %s is the make run Neo4j's (home .neo4j/data), which this trial would kill; use a Neo4j of its own, or add --i-mean-it", n.PIDFile)
	}
	return nil
}

// isMakeRunURI reports whether uri names Bolt on port 7687 of this
// machine: the `make run` graph.
func isMakeRunURI(uri string) bool {
	u, err := url.Parse(uri)
	if err != nil || u.Host == "" {
		return false
	}
	host, port := u.Hostname(), u.Port()
	if port == "" {
		port = makeRunPort
	}
	if port != makeRunPort {
		return false
	}
	if host == "" || strings.EqualFold(host, "localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback() || ip.IsUnspecified()
	}
	name, err := os.Hostname()
	return err == nil && strings.EqualFold(host, name)
}
