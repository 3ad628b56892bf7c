package app

import "github.com/congtin/congtin"

// Legacy is what the database packages still do themselves, rules
// included, until it moves here; App passes it through.
type Legacy interface {
	congtin.SiteService

	congtin.SiteAdminService

	congtin.UserService

	congtin.MediaService

	congtin.DocumentService

	congtin.QuestionService

	congtin.SecretService

	congtin.ScheduleService

	congtin.AboutService

	congtin.LinkService
}
