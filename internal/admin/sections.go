package admin

import "net/http"

// sectionRoutes adds the back office of the portal's own sections: the
// work schedule, the about pages, the organisation chart and the links.
func (s *Server) sectionRoutes(page func(string, func(http.ResponseWriter, *http.Request, *request))) {
	page("GET /admin/lich-cong-tac", s.handleSchedule)
	page("POST /admin/lich-cong-tac", s.handleCreateScheduleEntry)
	page("POST /admin/lich-cong-tac/chuyen", s.handleStep(scheduleFlow, s.scheduleStepRefused))
	page("GET /admin/lich-cong-tac/muc/{id}", s.handleEditScheduleEntry)
	page("POST /admin/lich-cong-tac/muc/{id}", s.handleSaveScheduleEntry)
	page("POST /admin/lich-cong-tac/muc/{id}/xoa", s.handleDeleteScheduleEntry)
	page("GET /admin/gioi-thieu", s.handlePages)
	page("GET /admin/gioi-thieu/moi", s.handleNewPage)
	page("POST /admin/gioi-thieu/moi", s.handleCreatePage)
	page("GET /admin/gioi-thieu/{id}", s.handleEditPage)
	page("POST /admin/gioi-thieu/{id}", s.handleSavePage)
	page("POST /admin/gioi-thieu/{id}/chuyen", s.handleStep(pageFlow, s.pageStepRefused))
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
