// Package dcat describes the open-data catalogue in DCAT-AP (2 and 3)
// terms, for the national open-data portal and other harvesters: the
// catalogue with its published datasets and their distributions, as
// JSON-LD (also embedded in each dataset's page) and as Turtle, both
// written from one graph so that they never say different things.
package dcat
