package web

import "github.com/congtin/congtin"

// Services are what the public handlers call, one small interface per
// group of handlers, each declared beside its handlers: a handler names
// what it needs of the service layer, and a test can stand in for one
// group alone.
type Services struct {
	Sites     SiteReader
	Articles  ArticleReader
	Documents DocumentReader
	// Consultations: Lấy ý kiến dự thảo.
	Consultations ConsultationReader
	// Datasets: Dữ liệu mở.
	Datasets DatasetReader
	// Projects: Dự án – Đấu thầu (projects and procurement notices).
	Projects ProjectReader
	// Procedures: Thủ tục hành chính.
	Procedures ProcedureReader
	Comments   CommentService
	// Disclosures: the disclosure pages' groups of the register.
	Disclosures DisclosureReader
	QA          QAService
	Sections    SectionReader
	Search      Searcher
	Previews    PreviewReader
	Polls       PollService
	// Health, when set, tells /readyz whether the database answers.
	Health Pinger
}

// NewServices takes every group from one service, the app's.
func NewServices(svc congtin.Service) Services {
	sv := Services{Sites: svc, Articles: svc, Documents: svc, Consultations: svc, Datasets: svc, Comments: svc, Disclosures: svc, Projects: svc, Procedures: svc, QA: svc, Sections: svc, Search: svc, Previews: svc, Polls: svc}
	if p, ok := svc.(Pinger); ok {
		sv.Health = p
	}
	return sv
}
