package app

import "github.com/congtin/congtin"

// Legacy is what the database packages still do themselves, rules
// included, until it moves here; App passes it through.
type Legacy interface {
	congtin.CounterService

	congtin.StatsService

	congtin.WordPressService

	congtin.RedirectService

	congtin.ArticleImportService
}
