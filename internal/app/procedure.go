package app

import (
	"context"
	"strconv"

	"github.com/congtin/congtin"
)

// canManageProcedures refuses an actor who may not change the procedures.
func canManageProcedures(actor congtin.Actor) error {
	if !congtin.Can(actor, congtin.ActProcedures, nil) {
		return forbidden("Chỉ biên tập viên và quản trị viên được sửa danh mục thủ tục hành chính.")
	}
	return nil
}

// procedureDetail names a procedure in the audit log.
func procedureDetail(p *congtin.Procedure) string { return p.Code + " " + p.Name }

// codeTaken is the refusal of a code another procedure of the site has.
func codeTaken(code string) error {
	return &congtin.ValidationError{Fields: congtin.FieldErrors{"code": "Mã thủ tục “" + code + "” đã có trong danh mục."}}
}

// procedureOf fills p's content from a checked input.
func procedureOf(p *congtin.Procedure, in *congtin.ProcedureInput) {
	p.Code, p.Name, p.Field, p.Levels, p.Agency = in.Code, in.Name, in.Field, in.Levels, in.Agency
	p.Duration, p.Fee, p.Online, p.Steps, p.Documents, p.Legal = in.Duration, in.Fee, in.Online, in.Steps, in.Documents, in.Legal
	p.URL, p.Public = in.URL, in.Public
}

// CreateProcedure implements congtin.ProcedureService.
func (a *App) CreateProcedure(ctx context.Context, actor congtin.Actor, siteID int64, in congtin.ProcedureInput) (*congtin.Procedure, error) {
	return a.saveProcedure(ctx, actor, siteID, 0, in)
}

// UpdateProcedure implements congtin.ProcedureService.
func (a *App) UpdateProcedure(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProcedureInput) (*congtin.Procedure, error) {
	return a.saveProcedure(ctx, actor, siteID, id, in)
}

// saveProcedure creates a procedure (id 0) or saves one.
func (a *App) saveProcedure(ctx context.Context, actor congtin.Actor, siteID, id int64, in congtin.ProcedureInput) (*congtin.Procedure, error) {
	if err := canManageProcedures(actor); err != nil {
		return nil, err
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var p *congtin.Procedure
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		codes, err := tx.ProcedureCodes(ctx, siteID)
		if err != nil {
			return err
		}
		if other, ok := codes[in.Code]; ok && other.ID != id {
			return codeTaken(in.Code)
		}
		p = &congtin.Procedure{SiteID: siteID}
		action := "procedure.create"
		if id != 0 {
			if p, err = tx.FindProcedure(ctx, siteID, id); err != nil {
				return err
			}
			action = "procedure.update"
		}
		procedureOf(p, &in)
		if id == 0 {
			err = tx.InsertProcedure(ctx, p)
		} else {
			err = tx.UpdateProcedure(ctx, p)
		}
		if err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, action, "procedure", p.ID, procedureDetail(p)))
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// SetProcedurePublic implements congtin.ProcedureService.
func (a *App) SetProcedurePublic(ctx context.Context, actor congtin.Actor, siteID, id int64, public bool) (*congtin.Procedure, error) {
	if err := canManageProcedures(actor); err != nil {
		return nil, err
	}
	var p *congtin.Procedure
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		var err error
		if p, err = tx.FindProcedure(ctx, siteID, id); err != nil {
			return err
		}
		p.Public = public
		if err := tx.UpdateProcedure(ctx, p); err != nil {
			return err
		}
		action := "procedure.hide"
		if public {
			action = "procedure.show"
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, action, "procedure", id, procedureDetail(p)))
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// DeleteProcedure implements congtin.ProcedureService.
func (a *App) DeleteProcedure(ctx context.Context, actor congtin.Actor, siteID, id int64) error {
	if err := canManageProcedures(actor); err != nil {
		return err
	}
	return a.WithTx(ctx, func(tx congtin.Tx) error {
		p, err := tx.FindProcedure(ctx, siteID, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteProcedure(ctx, siteID, id); err != nil {
			return err
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "procedure.delete", "procedure", id, procedureDetail(p)))
	})
}

// maxRowProblems bounds the lines an import's refusal names: past it the
// file is mostly wrong and the first ones say why.
const maxRowProblems = 50

// ImportProcedures implements congtin.ProcedureService. Every row is
// checked before anything is written; then all of them are written in one
// transaction (its statements prepared once, by the store), with one
// audit entry for the file.
func (a *App) ImportProcedures(ctx context.Context, actor congtin.Actor, siteID int64, rows []congtin.ProcedureRow) (*congtin.ProcedureImportResult, error) {
	if err := canManageProcedures(actor); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, congtin.Errorf(congtin.EINVALID, "Tệp không có dòng thủ tục nào dưới dòng tiêu đề.")
	}
	if len(rows) > congtin.MaxProcedureImportRows {
		return nil, congtin.Errorf(congtin.EINVALID, "Tệp có %d dòng; mỗi lần nhập tối đa %d thủ tục.", len(rows), congtin.MaxProcedureImportRows)
	}
	var problems []congtin.RowProblem
	firstLine := map[string]int{}
	res := &congtin.ProcedureImportResult{}
	for i := range rows {
		r := &rows[i]
		r.In.Normalize()
		if err := r.In.Validate(); err != nil {
			problems = append(problems, congtin.RowProblem{Line: r.Line, Message: rowMessage(err)})
		} else if prev, ok := firstLine[r.In.Code]; ok {
			problems = append(problems, congtin.RowProblem{Line: r.Line,
				Message: "mã thủ tục “" + r.In.Code + "” đã có ở dòng " + strconv.Itoa(prev) + " của tệp."})
		} else {
			firstLine[r.In.Code] = r.Line
		}
		if r.LegacyOnline != "" {
			res.Legacy++
		}
		if len(problems) == maxRowProblems {
			break
		}
	}
	if len(problems) > 0 {
		return nil, &congtin.ImportRowsError{Problems: problems}
	}
	err := a.WithTx(ctx, func(tx congtin.Tx) error {
		res.Created, res.Updated = 0, 0
		codes, err := tx.ProcedureCodes(ctx, siteID)
		if err != nil {
			return err
		}
		for i := range rows {
			p := &congtin.Procedure{SiteID: siteID}
			procedureOf(p, &rows[i].In)
			if k, ok := codes[p.Code]; ok {
				// A procedure an editor hid stays hidden: the file
				// updates its content only.
				p.ID, p.Public = k.ID, k.Public
				err = tx.UpdateProcedure(ctx, p)
				res.Updated++
			} else {
				p.Public = true
				err = tx.InsertProcedure(ctx, p)
				res.Created++
			}
			if err != nil {
				return err
			}
		}
		return tx.AddAudit(ctx, actor.Entry(siteID, "procedure.import", "procedure", 0, res.Summary()))
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// rowMessage is a row's refusal as one line: its fields' messages, in
// the columns' order.
func rowMessage(err error) string {
	ve, ok := err.(*congtin.ValidationError)
	if !ok {
		return congtin.ErrorMessage(err)
	}
	var msg string
	for _, f := range []string{"code", "name", "field", "levels", "agency", "duration", "fee", "online", "steps", "documents", "legal", "url"} {
		if m := ve.Fields[f]; m != "" {
			if msg != "" {
				msg += " "
			}
			msg += m
		}
	}
	return msg
}
