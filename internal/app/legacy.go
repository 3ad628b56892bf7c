package app

import "github.com/congtin/congtin"

// Legacy is what the database packages still do themselves, rules
// included, until it moves here; App passes it through.
type Legacy interface {
	congtin.SiteService

	congtin.SiteAdminService

	congtin.CounterService

	congtin.UserService

	congtin.MediaService

	congtin.StatsService

	congtin.WordPressService

	congtin.RedirectService

	congtin.SecretService

	congtin.ArticleImportService
}
