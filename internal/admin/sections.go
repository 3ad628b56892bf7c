package admin

import (
	"context"
	"net/http"

	"github.com/congtin/congtin"
)

// sectionService is what the back office of the portal's own sections
// needs.
type sectionService interface {
	FindScheduleWeek(ctx context.Context, siteID int64, week congtin.Week) (*congtin.ScheduleWeek, []*congtin.ScheduleEntry, error)
	FindScheduleRevisions(ctx context.Context, siteID int64, week congtin.Week) ([]*congtin.ScheduleRevision, error)
	FindScheduleEntry(ctx context.Context, siteID, id int64) (*congtin.ScheduleEntry, error)
	CreateScheduleEntry(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ScheduleInput) (*congtin.ScheduleEntry, error)
	UpdateScheduleEntry(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ScheduleInput) (*congtin.ScheduleEntry, error)
	DeleteScheduleEntry(ctx context.Context, actor congtin.Actor, siteID, id int64) error

	FindPages(ctx context.Context, siteID int64, public bool) ([]*congtin.Page, error)
	FindPage(ctx context.Context, siteID, id int64) (*congtin.Page, error)
	CreatePage(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.PageInput) (*congtin.Page, error)
	UpdatePage(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.PageInput) (*congtin.Page, error)
	UpdatePageStep(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.PageInput, s congtin.Step) (*congtin.Item, bool, error)
	FindPageRevisions(ctx context.Context, siteID, pageID int64) ([]*congtin.PageRevision, error)
	RestorePageRevision(ctx context.Context, actor congtin.Actor, siteID, revisionID int64) (*congtin.Page, error)

	FindUnits(ctx context.Context, siteID int64) ([]*congtin.Unit, error)
	CreateUnit(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.UnitInput) (*congtin.Unit, error)
	UpdateUnit(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.UnitInput) (*congtin.Unit, error)
	DeleteUnit(ctx context.Context, actor congtin.Actor, siteID, id int64) error

	FindLinks(ctx context.Context, siteID int64) ([]*congtin.Link, error)
	CreateLink(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.LinkInput) (*congtin.Link, error)
	UpdateLink(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.LinkInput) (*congtin.Link, error)
	DeleteLink(ctx context.Context, actor congtin.Actor, siteID, id int64) error
}

// sectionRoutes adds the back office of the portal's own sections: the
// work schedule, the about pages, the organisation chart and the links.
func (s *Server) sectionRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET /admin/lich-cong-tac", s.handleSchedule)
	page("POST /admin/lich-cong-tac", s.handleCreateScheduleEntry)
	page("POST /admin/lich-cong-tac/chuyen", s.handleStep(scheduleFlow, s.scheduleEdit))
	page("GET /admin/lich-cong-tac/muc/{id}", s.handleEditScheduleEntry)
	page("POST /admin/lich-cong-tac/muc/{id}", s.handleSaveScheduleEntry)
	page("POST /admin/lich-cong-tac/muc/{id}/xoa", s.handleDeleteScheduleEntry)
	page("GET /admin/gioi-thieu", s.handlePages)
	page("GET /admin/gioi-thieu/moi", s.handleNewPage)
	page("POST /admin/gioi-thieu/moi", s.handleCreatePage)
	page("GET /admin/gioi-thieu/{id}", s.handleEditPage)
	page("POST /admin/gioi-thieu/{id}", s.handleSavePage)
	page("POST /admin/gioi-thieu/{id}/chuyen", s.handleStep(pageFlow, editOf("admin/page_edit", s.sections.FindPage, s.pageEditPage)))
	page("GET /admin/gioi-thieu/{id}/phien-ban", s.handlePageRevisions)
	page("POST /admin/gioi-thieu/{id}/phien-ban/{rev}/khoi-phuc", s.handleRestorePage)
	page("GET /admin/co-cau-to-chuc", s.handleUnits)
	page("POST /admin/co-cau-to-chuc", s.handleCreateUnit)
	page("POST /admin/co-cau-to-chuc/{id}", s.handleSaveUnit)
	page("POST /admin/co-cau-to-chuc/{id}/xoa", s.handleDeleteUnit)
	page("GET /admin/lien-ket", s.handleLinks)
	page("POST /admin/lien-ket", s.handleCreateLink)
	page("POST /admin/lien-ket/{id}", s.handleSaveLink)
	page("POST /admin/lien-ket/{id}/xoa", s.handleDeleteLink)
}
