package config

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/mail"
)

func TestValidateDB(t *testing.T) {
	for _, tc := range []struct {
		db, media string // media: the MediaDir Validate sets; "" when it fails
		postgres  bool
	}{
		{"sqlite:congtin.db", "media", false},
		{"sqlite:/var/lib/congtin/c.db", "/var/lib/congtin/media", false},
		{"postgres://congtin@db.example/congtin?sslmode=require", "media", true},
		{"postgresql://congtin:secret@127.0.0.1:5432/congtin", "media", true},
		{"postgres:///congtin?host=/var/run/postgresql", "media", true},
		{"congtin.db", "", false},
		{"sqlite:", "", false},
		{"mysql://x@y/z", "", false},
		{"postgres://u:p@x/%zz", "", true},
	} {
		t.Run(tc.db, func(t *testing.T) {
			c := Config{DB: tc.db, FlushInterval: 1e9}
			err := c.Validate()
			if _, ok := c.PostgresURL(); ok != tc.postgres {
				t.Errorf("PostgresURL ok = %v, want %v", ok, tc.postgres)
			}
			if tc.media == "" {
				if err == nil {
					t.Fatal("accepted")
				}
				if strings.Contains(err.Error(), ":p@") || strings.Contains(err.Error(), "secret") {
					t.Fatalf("the error shows the password: %v", err)
				}
				return
			}
			if err != nil || c.MediaDir != tc.media {
				t.Fatalf("MediaDir %q, err %v; want %q", c.MediaDir, err, tc.media)
			}
		})
	}
}

func TestDBForLogHidesPasswords(t *testing.T) {
	for in, want := range map[string]string{
		"sqlite:congtin.db": "sqlite:congtin.db",
		"postgres://congtin:secret@db.example:5432/congtin?sslmode=require": "postgres://congtin:xxxxx@db.example:5432/congtin?sslmode=require",
		"postgres://congtin@db.example/congtin?password=secret":             "postgres://congtin@db.example/congtin?password=xxxxx",
		"postgresql://congtin@db.example/congtin":                           "postgresql://congtin@db.example/congtin",
		"postgres://u:secret@x/%zz":                                         "postgres://…",
	} {
		c := Config{DB: in}
		if got := c.DBForLog(); got != want {
			t.Errorf("DBForLog(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQARetentionDays(t *testing.T) {
	for _, tc := range []struct {
		env, flag string
		want      int // 0: refused
	}{
		{"", "", 365},
		{"30", "", 30},
		{"30", "7", 7},
		{"", "0", 0},
		{"", "-5", 0},
		{"", "40000", 0},
		{"một năm", "", 0},
		{"0", "", 0},
	} {
		t.Run(tc.env+"/"+tc.flag, func(t *testing.T) {
			if tc.env != "" {
				t.Setenv("CONGTIN_QA_RETENTION_DAYS", tc.env)
			}
			var c Config
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			c.Register(fs)
			var args []string
			if tc.flag != "" {
				args = []string{"-qa-retention-days", tc.flag}
			}
			if err := fs.Parse(args); err != nil {
				t.Fatal(err)
			}
			err := c.Validate()
			switch {
			case tc.want == 0 && err == nil:
				t.Fatalf("accepted %d days", c.QARetentionDays)
			case tc.want != 0 && (err != nil || c.QARetentionDays != tc.want):
				t.Fatalf("%d days, %v; want %d", c.QARetentionDays, err, tc.want)
			}
		})
	}
}

// TestSMTP: the SMTP settings from flags and the environment; the
// password from a file or CONGTIN_SMTP_PASSWORD, never a flag, and never
// in an error; bad settings refused at start-up; no host, no e-mail.
func TestSMTP(t *testing.T) {
	const secret = "mật-khẩu-smtp"
	pwFile := filepath.Join(t.TempDir(), "smtp.txt")
	if err := os.WriteFile(pwFile, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		ok   bool
		want mail.Config // Host, Port, TLS, From, Username, Password when ok
	}{
		{name: "off", ok: true},
		{name: "flags and file", args: []string{"-smtp-host", "smtp.anphu.gov.vn", "-smtp-from", "thongbao@anphu.gov.vn",
			"-smtp-user", "thongbao", "-smtp-password-file", pwFile}, ok: true,
			want: mail.Config{Host: "smtp.anphu.gov.vn", Port: 587, TLS: mail.StartTLS, From: "thongbao@anphu.gov.vn", Username: "thongbao", Password: secret}},
		{name: "environment", env: map[string]string{"CONGTIN_SMTP_HOST": "mail.anphu.gov.vn", "CONGTIN_SMTP_PORT": "465", "CONGTIN_SMTP_TLS": "tls",
			"CONGTIN_SMTP_FROM": "tb@anphu.gov.vn", "CONGTIN_SMTP_USER": "tb", "CONGTIN_SMTP_PASSWORD": secret}, ok: true,
			want: mail.Config{Host: "mail.anphu.gov.vn", Port: 465, TLS: mail.TLS, From: "tb@anphu.gov.vn", Username: "tb", Password: secret}},
		{name: "the flag wins", env: map[string]string{"CONGTIN_SMTP_HOST": "a.example", "CONGTIN_SMTP_FROM": "tb@anphu.gov.vn"},
			args: []string{"-smtp-host", "127.0.0.1", "-smtp-port", "2525", "-smtp-tls", "none"}, ok: true,
			want: mail.Config{Host: "127.0.0.1", Port: 2525, TLS: mail.None, From: "tb@anphu.gov.vn"}},
		{name: "no sender", args: []string{"-smtp-host", "smtp.anphu.gov.vn"}},
		{name: "bad sender", args: []string{"-smtp-host", "smtp.anphu.gov.vn", "-smtp-from", "Thông báo <tb@anphu.gov.vn>"}},
		{name: "bad port", env: map[string]string{"CONGTIN_SMTP_PORT": "năm trăm"}, args: []string{"-smtp-host", "h", "-smtp-from", "tb@anphu.gov.vn"}},
		{name: "port out of range", args: []string{"-smtp-host", "h", "-smtp-from", "tb@anphu.gov.vn", "-smtp-port", "70000"}},
		{name: "bad tls", args: []string{"-smtp-host", "h", "-smtp-from", "tb@anphu.gov.vn", "-smtp-tls", "ssl"}},
		{name: "password without user", env: map[string]string{"CONGTIN_SMTP_PASSWORD": secret}, args: []string{"-smtp-host", "h", "-smtp-from", "tb@anphu.gov.vn"}},
		{name: "missing password file", args: []string{"-smtp-host", "h", "-smtp-from", "tb@anphu.gov.vn", "-smtp-user", "u",
			"-smtp-password-file", filepath.Join(t.TempDir(), "none")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			c := Config{DB: "sqlite:c.db", FlushInterval: 1e9}
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			c.Register(fs)
			if fs.Lookup("smtp-password") != nil {
				t.Fatal("a flag takes the SMTP password: ps would show it")
			}
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			err := c.Validate()
			if err != nil && strings.Contains(err.Error(), secret) {
				t.Fatalf("the error shows the password: %v", err)
			}
			if !tc.ok {
				if err == nil {
					t.Fatalf("accepted %+v", c.SMTP)
				}
				return
			}
			got := mail.Config{Host: c.SMTP.Host, Port: c.SMTP.Port, TLS: c.SMTP.TLS, From: c.SMTP.From, Username: c.SMTP.Username, Password: c.SMTP.Password}
			if tc.want.Host == "" {
				tc.want = mail.Config{Port: 587, TLS: mail.StartTLS}
			}
			if err != nil || got != tc.want {
				t.Fatalf("%+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestTrustedProxiesAndHSTS(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  string
		want string // "" for valid
	}{
		{nil, "", ""},
		{[]string{"-trusted-proxies", "127.0.0.1, 10.0.0.0/8"}, "", ""},
		{[]string{"-trusted-proxies", "nginx.local"}, "", "-trusted-proxies"},
		{nil, "10.0.0.0/40", "-trusted-proxies"},
		{[]string{"-hsts-max-age", "-1"}, "", "-hsts-max-age"},
	} {
		t.Setenv("CONGTIN_TRUSTED_PROXIES", tc.env)
		var c Config
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		c.Register(fs)
		c.RegisterServe(fs)
		if err := fs.Parse(append([]string{"-db", "sqlite:" + filepath.Join(t.TempDir(), "c.db")}, tc.args...)); err != nil {
			t.Fatal(err)
		}
		err := c.Validate()
		if tc.want == "" {
			if err != nil {
				t.Errorf("%v %q: %v", tc.args, tc.env, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v %q: got %v, want an error naming %s", tc.args, tc.env, err, tc.want)
		}
	}
	var c Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.RegisterServe(fs)
	if c.HSTSMaxAge != 15552000 || c.TrustedProxies != "" {
		t.Fatalf("defaults: %d %q", c.HSTSMaxAge, c.TrustedProxies)
	}
}
