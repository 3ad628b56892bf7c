// Package congtin holds the vocabulary of the portal: domain types, their
// validation, and the store interfaces that the database packages implement.
// It imports no driver, no net/http and no template package, so every other
// package can depend on it without pulling those in.
package congtin

import "time"

// VietnamZone is the time zone every date on the portal is shown in,
// whatever the server's own zone is. Vietnam has kept UTC+7 without daylight
// saving since 1975, so a fixed zone is exact for every article we can hold
// and needs no tzdata on the server.
var VietnamZone = time.FixedZone("ICT", 7*60*60)

// Day returns the calendar day of t in Vietnam, as YYYY-MM-DD. Daily counters
// are keyed by it.
func Day(t time.Time) string {
	return t.In(VietnamZone).Format(time.DateOnly)
}

// Service is everything the portal does with what it keeps, as one value:
// the service layer (package app) provides it over a Store, and applies the
// rules (who may do what, what input is valid, the editorial workflow, the
// audit log) on the way.
type Service interface {
	// What the store reads, and writes that need no rule, pass through.
	ArticleStore
	CategoryStore
	WorkflowStore
	AuditStore
	SearchStore
	SuggestService
	PageStore
	UnitStore
	LinkStore
	ScheduleStore
	DocumentStore
	ConsultationStore
	ConsultationService
	DatasetStore
	DatasetService
	ProcedureStore
	ProcedureService
	CommentStore
	CommentService
	DisclosureStore
	DisclosureService
	ProjectStore
	ProjectService
	ProcurementStore
	ProcurementService

	SiteService
	SiteAdminService
	CategoryAdminService
	ArticleImportService
	WorkflowService
	EditorialService
	CounterStore
	UserService
	MediaService
	StatsService
	ChangeStore
	DocumentService
	FileTextService
	JobStore
	DocumentImportService
	WordPressService
	ImportStore
	QuestionStore
	QuestionService
	SecretService
	ScheduleService
	AboutService
	LinkService
	SpellingService
	PollStore
	PollService

	NotificationService
	PreviewService
	DraftStore
	DraftService

	BulkService
}
