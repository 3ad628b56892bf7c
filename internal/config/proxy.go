package config

import (
	"flag"
	"fmt"
	"strconv"

	"github.com/congtin/congtin/internal/clientip"
)

// DefaultHSTSMaxAge is 180 days: long enough that a browser which came
// once keeps to HTTPS between visits, short enough to undo a mistake.
const DefaultHSTSMaxAge = 180 * 24 * 60 * 60

// RegisterServe adds the flags only a serving command has: whom to trust
// for the client's address and scheme, the HSTS max-age, and the poll
// votes per address.
func (c *Config) RegisterServe(fs *flag.FlagSet) {
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", env("CONGTIN_TRUSTED_PROXIES", ""),
		"comma-separated CIDRs (a bare address: itself alone) of reverse proxies whose X-Forwarded-For, X-Forwarded-Proto and Forwarded headers are believed; empty: nobody (env CONGTIN_TRUSTED_PROXIES)")
	age, err := strconv.Atoi(env("CONGTIN_HSTS_MAX_AGE", strconv.Itoa(DefaultHSTSMaxAge)))
	if err != nil {
		age = -1 // reported by Validate
	}
	fs.IntVar(&c.HSTSMaxAge, "hsts-max-age", age, "max-age in seconds of the Strict-Transport-Security header on HTTPS responses; 0: none (env CONGTIN_HSTS_MAX_AGE)")
	c.registerPolls(fs)
}

// validateProxy parses -trusted-proxies into Proxies and checks
// -hsts-max-age.
func (c *Config) validateProxy() error {
	p, err := clientip.ParseTrusted(c.TrustedProxies)
	if err != nil {
		return fmt.Errorf("config: -trusted-proxies: %w", err)
	}
	c.Proxies = p
	if c.HSTSMaxAge < 0 {
		return fmt.Errorf("config: -hsts-max-age must be a whole number of seconds, 0 or more")
	}
	return nil
}
