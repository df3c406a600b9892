package server

import (
	"fmt"
	"math"
	"net"
	"strings"
	"time"
)

// Config is the serving layer's configuration. Every field comes from the
// environment (or its flag, through kong in cmd/counterpoint). A Config
// built in code may leave fields zero: zero (or nil) means the default,
// except RateLimit, where 0 means no rate limit.
type Config struct {
	// ListenAddr is the TCP address to serve on.
	ListenAddr string `name:"listen-addr" env:"LISTEN_ADDR" default:":8080" help:"Address to listen on (host:port; ':0' picks a free port)."`

	// APITokens are the bearer tokens that may run mutations. With none,
	// every mutation is refused; reads are always public.
	// Each is name:secret (the name goes into the audit trail), or a bare
	// secret, named token-<n>.
	APITokens []string `name:"api-tokens" env:"API_TOKENS" sep:"," help:"Comma-separated bearer tokens that may run mutations, each name:secret (the name is recorded with every write); none refuses every mutation." placeholder:"NAME:SECRET,..."`

	// APITokensFile names a file of more tokens, one name:secret or
	// name:sha256:<hex digest> a line, read again when it changes, so that
	// curators are added or revoked without a restart.
	APITokensFile string `name:"api-tokens-file" env:"API_TOKENS_FILE" help:"File of more API tokens, one name:secret or name:sha256:<hex> a line; re-read when it changes." placeholder:"PATH"`

	// Introspection lets clients query __schema and __type. The
	// graphql-http audit and the explorer need it. nil means on, so that a
	// Config literal without it keeps the default; new(false) turns it off.
	Introspection *bool `name:"graphql-introspection" env:"GRAPHQL_INTROSPECTION" default:"true" negatable:"" help:"Allow GraphQL introspection (__schema, __type)."`

	// CORSAllowedOrigins are the origins (scheme://host[:port]) whose pages
	// may call the API from a browser; "*" allows any. None means same-origin
	// only: no CORS headers are sent.
	CORSAllowedOrigins []string `name:"cors-allowed-origins" env:"CORS_ALLOWED_ORIGINS" sep:"," help:"Comma-separated origins allowed to call the API from a browser ('*' for any); none means same-origin only." placeholder:"ORIGIN,..."`

	// MaxBodyBytes caps a POST body; a larger one gets 413.
	MaxBodyBytes int64 `name:"max-body-bytes" env:"MAX_BODY_BYTES" default:"1048576" help:"Largest accepted request body in bytes; larger ones get 413."`

	// RequestTimeout bounds each GraphQL request: its context gets this
	// deadline, and the resolvers pass that context down to Neo4j.
	RequestTimeout time.Duration `name:"request-timeout" env:"REQUEST_TIMEOUT" default:"15s" help:"Deadline of each GraphQL request, passed down to Neo4j."`

	// ReadHeaderTimeout, ReadTimeout, WriteTimeout and IdleTimeout are
	// http.Server's. WriteTimeout must exceed RequestTimeout so that a
	// request that hits its deadline can still send its error.
	ReadHeaderTimeout time.Duration `name:"read-header-timeout" env:"READ_HEADER_TIMEOUT" default:"5s" help:"http.Server ReadHeaderTimeout."`
	ReadTimeout       time.Duration `name:"read-timeout" env:"READ_TIMEOUT" default:"10s" help:"http.Server ReadTimeout (headers and body)."`
	WriteTimeout      time.Duration `name:"write-timeout" env:"WRITE_TIMEOUT" default:"20s" help:"http.Server WriteTimeout; keep it above REQUEST_TIMEOUT."`
	IdleTimeout       time.Duration `name:"idle-timeout" env:"IDLE_TIMEOUT" default:"120s" help:"http.Server IdleTimeout for keep-alive connections."`

	// ShutdownTimeout bounds the graceful shutdown: in-flight requests get
	// this long to finish after SIGTERM.
	ShutdownTimeout time.Duration `name:"shutdown-timeout" env:"SHUTDOWN_TIMEOUT" default:"20s" help:"How long in-flight requests may take to finish after SIGTERM."`

	// MetricsAddr, when set, serves /metrics on this address alone (an
	// internal interface, say) instead of on ListenAddr.
	MetricsAddr string `name:"metrics-addr" env:"METRICS_ADDR" help:"Serve /metrics on this address (host:port) instead of LISTEN_ADDR; empty: on LISTEN_ADDR."`

	// MetricsToken, when set, is the bearer token /metrics asks for
	// (Authorization: Bearer <token>), wherever it is served.
	MetricsToken string `name:"metrics-token" env:"METRICS_TOKEN" help:"Bearer token /metrics requires; empty: none." placeholder:"TOKEN"`

	// ReadyTimeout bounds one readiness check of /readyz.
	ReadyTimeout time.Duration `name:"ready-timeout" env:"READY_TIMEOUT" default:"2s" help:"How long /readyz waits for Neo4j before answering 503."`

	// ComplexityLimit caps gqlgen's complexity of an operation: every
	// selected field costs 1 plus its children's cost, fragments expanded;
	// the resolvers' estimates charge each root field a store call (100),
	// the path queries one per level they walk (thread's depth, chains'
	// maxHops, subgraph's hops), and multiply list fields by the items
	// they may return (a page's first, nested lists 3). A page of 50
	// claims with quotes, assertedBy and rebuttedBy { assertedBy } costs
	// about 2,700, hence the default of 5000; introspection costs a few
	// hundred.
	ComplexityLimit int `name:"complexity-limit" env:"COMPLEXITY_LIMIT" default:"5000" help:"Largest complexity of an operation (about the number of fields selected, fragments expanded)."`

	// MaxRootFields caps the root fields of an operation, aliases counted
	// and fragments expanded (introspection's __schema, __type and
	// __typename excepted): each root field of the API is at least one
	// store call, so that a thousand aliases of an inexpensive-looking
	// field cannot add up to seconds of the store's time. Batch look-ups
	// have nodes(ids:).
	MaxRootFields int `name:"max-root-fields" env:"MAX_ROOT_FIELDS" default:"10" help:"Most root fields (aliases counted) in one operation; each is a call to the graph store."`

	// MaxDepth caps the nesting of an operation's selections (fragments
	// included; introspection's __schema and __type subtrees excepted, as
	// the validator already bounds them).
	MaxDepth int `name:"max-depth" env:"MAX_DEPTH" default:"12" help:"Deepest allowed nesting of selections."`

	// MaxTokens caps the lexer tokens of a query document, so that parsing
	// and validation stay cheap whatever the body holds.
	MaxTokens int `name:"max-tokens" env:"MAX_TOKENS" default:"15000" help:"Most lexer tokens in a query document."`

	// APQCacheSize is the number of automatic persisted queries kept (LRU);
	// queries above 64 KiB are not kept.
	APQCacheSize int `name:"apq-cache-size" env:"APQ_CACHE_SIZE" default:"1000" help:"Automatic persisted queries kept in memory (LRU)."`

	// QueryCacheSize is the number of parsed and validated documents kept
	// (LRU), keyed by query text.
	QueryCacheSize int `name:"query-cache-size" env:"QUERY_CACHE_SIZE" default:"1000" help:"Parsed and validated query documents kept in memory (LRU)."`

	// RateLimit is the sustained rate, in requests a second, that one
	// client may send to /graphql; a client is the API token a request
	// carries, or else its address (ratelimit.go). Unlike the other
	// fields, 0 means off: a Config built in code has no rate limit unless
	// it sets one (DefaultConfig and the environment do).
	RateLimit float64 `name:"rate-limit" env:"RATE_LIMIT" default:"50" help:"Requests a second one client (API token, else address) may send to /graphql; over it, 429 with Retry-After. 0 turns rate limits off."`

	// RateBurst is how many requests one client may send at once before
	// RateLimit applies (the size of its token bucket); 0 means the default.
	RateBurst int `name:"rate-burst" env:"RATE_BURST" default:"300" help:"Requests one client may send at once before RATE_LIMIT applies; 0: the default."`

	// TrustedProxies are the addresses or CIDR prefixes of reverse proxies
	// whose X-Forwarded-For is believed: behind one, the client's address
	// is the rightmost untrusted address in that header. None means the
	// connection's remote address is the client's.
	TrustedProxies []string `name:"trusted-proxies" env:"TRUSTED_PROXIES" sep:"," help:"Comma-separated addresses or CIDR prefixes of reverse proxies whose X-Forwarded-For names the client; none: the remote address is the client." placeholder:"CIDR,..."`
	// PprofAddr, when set, serves Go's profiles (net/http/pprof, under
	// /debug/pprof/) on this address alone, which must be a loopback
	// one: make bench records where the server's time goes with it. Off
	// by default, and never on LISTEN_ADDR.
	PprofAddr string `name:"pprof-addr" env:"PPROF_ADDR" help:"Serve Go's profiles (/debug/pprof/) on this loopback address (127.0.0.1:port); empty: off." placeholder:"127.0.0.1:PORT"`

	// CacheEnabled turns on the response cache (respcache.go): answers of
	// queries kept in memory, keyed by the document, the variables, the
	// caller's token and the graph version, which every committed write and
	// load advances, so that no answer is older than the last write. It
	// costs one small read of the version per query. Off by default.
	CacheEnabled bool `name:"cache-enabled" env:"CACHE_ENABLED" default:"false" help:"Keep query answers in memory, keyed by document, variables, token and graph version (each write and load makes older answers unreachable)."`

	// CacheMaxBytes bounds the bytes of answers the response cache holds;
	// an answer over an eighth of it is never kept.
	CacheMaxBytes int64 `name:"cache-max-bytes" env:"CACHE_MAX_BYTES" default:"67108864" help:"Most bytes of answers the response cache keeps (least recently used go first)."`
}

// DefaultConfig returns the configuration every env var's default gives.
func DefaultConfig() Config {
	return Config{
		ListenAddr:        ":8080",
		Introspection:     new(true),
		MaxBodyBytes:      1 << 20,
		RequestTimeout:    15 * time.Second,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      20 * time.Second,
		IdleTimeout:       120 * time.Second,
		ShutdownTimeout:   20 * time.Second,
		ReadyTimeout:      2 * time.Second,
		ComplexityLimit:   5000,
		MaxRootFields:     10,
		MaxDepth:          12,
		MaxTokens:         15000,
		APQCacheSize:      1000,
		QueryCacheSize:    1000,
		RateLimit:         50,
		RateBurst:         300,
		CacheMaxBytes:     64 << 20,
	}
}

// withDefaults fills zero fields from DefaultConfig and drops empty list
// entries (a trailing comma in API_TOKENS must not become a valid token).
func (c Config) withDefaults() Config {
	d := DefaultConfig()
	if c.ListenAddr == "" {
		c.ListenAddr = d.ListenAddr
	}
	if c.Introspection == nil {
		c.Introspection = d.Introspection
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = d.MaxBodyBytes
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = d.RequestTimeout
	}
	if c.ReadHeaderTimeout <= 0 {
		c.ReadHeaderTimeout = d.ReadHeaderTimeout
	}
	if c.ReadTimeout <= 0 {
		c.ReadTimeout = d.ReadTimeout
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = d.WriteTimeout
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = d.IdleTimeout
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = d.ShutdownTimeout
	}
	if c.ReadyTimeout <= 0 {
		c.ReadyTimeout = d.ReadyTimeout
	}
	if c.ComplexityLimit <= 0 {
		c.ComplexityLimit = d.ComplexityLimit
	}
	if c.MaxRootFields <= 0 {
		c.MaxRootFields = d.MaxRootFields
	}
	if c.MaxDepth <= 0 {
		c.MaxDepth = d.MaxDepth
	}
	if c.MaxTokens <= 0 {
		c.MaxTokens = d.MaxTokens
	}
	if c.APQCacheSize <= 0 {
		c.APQCacheSize = d.APQCacheSize
	}
	if c.QueryCacheSize <= 0 {
		c.QueryCacheSize = d.QueryCacheSize
	}
	if c.RateBurst <= 0 {
		c.RateBurst = d.RateBurst
	}
	if c.CacheMaxBytes <= 0 {
		c.CacheMaxBytes = d.CacheMaxBytes
	}
	c.APITokens = nonEmpty(c.APITokens)
	c.TrustedProxies = nonEmpty(c.TrustedProxies)
	c.CORSAllowedOrigins = nonEmpty(c.CORSAllowedOrigins)
	return c
}

func (c Config) validate() error {
	if c.WriteTimeout <= c.RequestTimeout {
		return fmt.Errorf("WRITE_TIMEOUT (%s) must be longer than REQUEST_TIMEOUT (%s), or a request that hits its deadline cannot send its error", c.WriteTimeout, c.RequestTimeout)
	}
	for _, o := range c.CORSAllowedOrigins {
		if o == "*" {
			continue
		}
		if !strings.HasPrefix(o, "http://") && !strings.HasPrefix(o, "https://") || strings.Count(o, "/") != 2 {
			return fmt.Errorf("CORS_ALLOWED_ORIGINS: %q is not an origin such as https://example.org or http://localhost:3000", o)
		}
	}
	if c.MetricsAddr != "" && c.MetricsAddr == c.ListenAddr {
		return fmt.Errorf("METRICS_ADDR (%s) must differ from LISTEN_ADDR; leave it empty to serve /metrics on LISTEN_ADDR", c.MetricsAddr)
	}
	if c.PprofAddr != "" {
		host, _, err := net.SplitHostPort(c.PprofAddr)
		ip := net.ParseIP(host)
		if err != nil || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
			return fmt.Errorf("PPROF_ADDR (%s) must be a loopback address such as 127.0.0.1:6060: profiles are not for the network", c.PprofAddr)
		}
	}
	if c.MetricsToken != "" && strings.ContainsAny(c.MetricsToken, " \t\r\n") {
		return fmt.Errorf("METRICS_TOKEN contains white space")
	}
	if c.RateLimit < 0 || math.IsNaN(c.RateLimit) || math.IsInf(c.RateLimit, 0) {
		return fmt.Errorf("RATE_LIMIT (%v) must be a number of requests a second, or 0 for no limit", c.RateLimit)
	}
	if _, err := parseTrustedProxies(c.TrustedProxies); err != nil {
		return err
	}
	if _, err := parseTokens(c.APITokens, "API_TOKENS"); err != nil {
		return err
	}
	return nil
}

func nonEmpty(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
