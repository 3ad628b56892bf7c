package config

import (
	"flag"
	"strings"
	"testing"
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
