package main

import (
	"flag"
	"io"

	"github.com/congtin/congtin/internal/config"
)

// command is how every subcommand that works on a database starts: one
// flag set, writing its errors and -h to stderr, with the config's flags
// (-db and the rest) registered before the command's own.
type command struct {
	cfg config.Config
	fs  *flag.FlagSet
}

// newCommand makes the flags of the subcommand called name ("site add").
func newCommand(name string, stderr io.Writer) *command {
	c := &command{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	c.fs.SetOutput(stderr)
	c.cfg.Register(c.fs)
	return c
}

// parse reads args into the flags, runs the command's own checks of what
// it was given, in order, then validates the config: a wrong argument is
// reported before a wrong setting.
func (c *command) parse(args []string, checks ...func() error) error {
	if err := c.fs.Parse(args); err != nil {
		return err
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return err
		}
	}
	return c.cfg.Validate()
}

// open parses args as parse does and opens the database -db names. The
// caller closes it.
func (c *command) open(args []string, checks ...func() error) (*portal, error) {
	if err := c.parse(args, checks...); err != nil {
		return nil, err
	}
	return openStore(&c.cfg)
}
