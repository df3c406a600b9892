// Package cmdline parses the commands' arguments with kong in one way for
// every binary: --help prints the usage, exits 0 and runs nothing, whatever
// else the arguments lack.
package cmdline

import (
	"fmt"
	"io"

	"github.com/alecthomas/kong"
)

// Parse parses args into grammar (a kong command line). help is true when
// --help was asked for: the usage is printed on stdout and the caller must
// return without running anything. kong's own exit is replaced, so that a
// test can call the binary's run function.
func Parse(grammar any, args []string, stdout, stderr io.Writer, opts ...kong.Option) (kctx *kong.Context, help bool, err error) {
	exited, exitCode := false, 0
	opts = append(opts, kong.Writers(stdout, stderr), kong.Exit(func(code int) { exited, exitCode = true, code }))
	parser, err := kong.New(grammar, opts...)
	if err != nil {
		return nil, false, err
	}
	kctx, err = parser.Parse(args)
	if exited {
		// After --help kong goes on parsing: a missing sub-command or
		// required flag then reads as an error, which does not matter.
		if exitCode != 0 {
			return nil, true, fmt.Errorf("exit status %d", exitCode)
		}
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	return kctx, false, nil
}
