package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/auth"
)

const userUsage = `usage:
  congtin user add -name NAME -role reporter|editor|admin [-display "Họ tên"] [-site HOST] [-super] [-password-file FILE]
  congtin user token -name NAME [-label TEXT]
  congtin user password -name NAME [-password-file FILE]

"user add" and "user password" read the password from -password-file, or
from standard input when it is not a terminal; otherwise they make one up
and print it once. "user password" also ends the user's sessions.
`

func runUser(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "token" && args[0] != "password") {
		fmt.Fprint(stderr, userUsage)
		return fmt.Errorf("user: give add, token or password")
	}
	c := newCommand("user "+args[0], stderr)
	fs := c.fs
	name := fs.String("name", "", "user name (a-z, 0-9, . _ -)")
	role := fs.String("role", "", "role on the site: reporter, editor or admin")
	display := fs.String("display", "", "full name shown in the back office (default: the user name)")
	host := fs.String("site", "", "host name of the site (default: the default site)")
	super := fs.Bool("super", false, "super administrator: may create sites and act on every site")
	pwFile := fs.String("password-file", "", "file holding the password")
	label := fs.String("label", "api", "what the token is for")
	db, err := c.open(args[1:])
	if err != nil {
		return err
	}
	defer db.Close()
	actor := congtin.SystemActor("cli")

	if args[0] == "token" {
		u, err := db.FindUserByUsername(ctx, *name)
		if err != nil {
			return fmt.Errorf("user token: %s", congtin.ErrorMessage(err))
		}
		token, hash := auth.NewToken()
		if err := db.CreateAPIToken(ctx, u.ID, *label, hash); err != nil {
			return err
		}
		fmt.Fprintln(stdout, token)
		return nil
	}

	if args[0] == "password" {
		// Users an import brought in have no password until one is set
		// here (so they can sign in).
		u, err := db.FindUserByUsername(ctx, *name)
		if err != nil {
			return fmt.Errorf("user password: %s", congtin.ErrorMessage(err))
		}
		password, generated, err := readPassword(*pwFile, stdin)
		if err != nil {
			return err
		}
		if err := congtin.ValidatePassword(password); err != nil {
			return fmt.Errorf("user password: %s", congtin.ErrorMessage(err))
		}
		hash, err := auth.HashPassword(password)
		if err != nil {
			return err
		}
		if err := db.SetPasswordHash(ctx, u.ID, hash, 0); err != nil {
			return err
		}
		_ = db.AddAudit(ctx, actor.Entry(0, "user.password", "user", u.ID, u.Username))
		fmt.Fprintf(stdout, "password of %q set\n", u.Username)
		if generated {
			fmt.Fprintf(stdout, "password (shown once): %s\n", password)
		}
		return nil
	}

	if !congtin.ValidRole(*role) {
		return fmt.Errorf("user add: -role must be reporter, editor or admin")
	}
	site, err := db.DefaultSite(ctx)
	if err != nil {
		return err
	}
	if *host != "" {
		if site, err = db.FindSiteByHost(ctx, *host); err != nil || site.Host != strings.ToLower(*host) {
			return fmt.Errorf("user add: no site with host %q; create it with congtin site add", *host)
		}
	}
	password, generated, err := readPassword(*pwFile, stdin)
	if err != nil {
		return err
	}
	if err := congtin.ValidatePassword(password); err != nil {
		return fmt.Errorf("user add: %s", congtin.ErrorMessage(err))
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	if *display == "" {
		*display = *name
	}
	u := &congtin.User{Username: *name, DisplayName: *display, PasswordHash: hash, SuperAdmin: *super}
	if err := db.CreateUser(ctx, u); err != nil {
		return fmt.Errorf("user add: %s", congtin.ErrorMessage(err))
	}
	if err := db.SetRole(ctx, site.ID, u.ID, *role); err != nil {
		return err
	}
	actor.User.ID = 0
	_ = db.AddAudit(ctx, actor.Entry(site.ID, "user.create", "user", u.ID, u.Username+": "+congtin.RoleName(*role)))
	fmt.Fprintf(stdout, "user %q added as %s of %q\n", u.Username, congtin.RoleName(*role), site.Name)
	if generated {
		fmt.Fprintf(stdout, "password (shown once): %s\n", password)
	}
	return nil
}

// readPassword takes the password from a file, from piped standard input,
// or makes one up.
func readPassword(file string, stdin io.Reader) (pw string, generated bool, err error) {
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", false, err
		}
		return strings.TrimRight(string(b), "\r\n"), false, nil
	}
	if f, ok := stdin.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice == 0 {
			line, err := bufio.NewReader(f).ReadString('\n')
			if err != nil && err != io.EOF {
				return "", false, err
			}
			if line = strings.TrimRight(line, "\r\n"); line != "" {
				return line, false, nil
			}
		}
	}
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b), true, nil
}
