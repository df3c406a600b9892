package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/counterpoint-news/counterpoint/bench/mix"
)

// LimitHTTPCmd serves the limit over HTTP.
type LimitHTTPCmd struct {
	Neo4jConfig
	Listen string `default:"127.0.0.1:0" help:"Address to listen on (loopback only; port 0 picks a free one)."`
}

// Run serves until the context ends (SIGTERM or SIGINT).
func (c *LimitHTTPCmd) Run(e *env) error {
	host, _, err := net.SplitHostPort(c.Listen)
	if err != nil {
		return fmt.Errorf("--listen %q: %v", c.Listen, err)
	}
	if !mix.IsLoopbackHost(host) {
		return fmt.Errorf("--listen %q: the limit over HTTP listens on the loopback interface only", c.Listen)
	}
	raw, err := c.raw(e.ctx)
	if err != nil {
		return err
	}
	defer raw.Close(context.Background())
	ln, err := net.Listen("tcp", c.Listen)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mix.LimitHandler(raw, mix.Mix()), ReadHeaderTimeout: 5 * time.Second}
	fmt.Fprintf(e.out, "limit-http: serving on http://%s/query\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-e.ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
