package config

import (
	"flag"
	"fmt"
	"strconv"
)

// DefaultPollVotesPerHour is how many poll votes one address may cast in
// an hour: a household or an office behind one address votes, a script
// does not vote a thousand times.
const DefaultPollVotesPerHour = 20

// registerPolls adds -poll-votes-per-hour (serving commands only).
func (c *Config) registerPolls(fs *flag.FlagSet) {
	n, err := strconv.Atoi(env("CONGTIN_POLL_VOTES_PER_HOUR", strconv.Itoa(DefaultPollVotesPerHour)))
	if err != nil || n == 0 {
		n = -1 // reported by Validate
	}
	fs.IntVar(&c.PollVotesPerHour, "poll-votes-per-hour", n, "poll votes one client address may cast in an hour, counted in the database across processes, 1 to 100000 (env CONGTIN_POLL_VOTES_PER_HOUR)")
}

// validatePolls checks -poll-votes-per-hour; a Config made in code gets
// the default.
func (c *Config) validatePolls() error {
	if c.PollVotesPerHour == 0 {
		c.PollVotesPerHour = DefaultPollVotesPerHour
	}
	if c.PollVotesPerHour < 1 || c.PollVotesPerHour > 100000 {
		return fmt.Errorf("config: -poll-votes-per-hour must be a whole number from 1 to 100000")
	}
	return nil
}
