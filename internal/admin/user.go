package admin

import (
	"net/http"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/render"
)

func (s *Server) usersPage(r *http.Request, rq *request) (*render.UsersPage, error) {
	ms, err := s.Store.FindMembers(r.Context(), rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.UsersPage{AdminBase: rq.base("Người dùng", "users"), Members: ms, NewRole: congtin.RoleReporter}
	page.Flash = flash(r)
	return page, nil
}

func (s *Server) handleUsers(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := can(rq, congtin.ActManage, nil); err != nil {
		s.error(w, r, rq, err)
		return
	}
	page, err := s.usersPage(r, rq)
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin/users", page)
}

// addUser creates the user (or finds an existing one when no password is
// given) and gives them a role on the site; shared with the API.
func (s *Server) addUser(r *http.Request, rq *request, username, display, password, role string) (*congtin.User, error) {
	if err := can(rq, congtin.ActManage, nil); err != nil {
		return nil, err
	}
	username = strings.ToLower(strings.TrimSpace(username))
	fe := congtin.FieldErrors{}
	if !congtin.ValidRole(role) {
		fe["role"] = "Vai trò không hợp lệ."
	}
	if err := congtin.ValidateUsername(username); err != nil {
		fe["username"] = congtin.ErrorMessage(err)
	}
	var u *congtin.User
	if password == "" && len(fe) == 0 {
		// An existing account from another site joins this one.
		var err error
		if u, err = s.Store.FindUserByUsername(r.Context(), username); err != nil {
			fe["password"] = "Hãy đặt mật khẩu cho tài khoản mới."
		}
	} else if len(fe) == 0 {
		if err := congtin.ValidateDisplayName(display); err != nil {
			fe["display_name"] = congtin.ErrorMessage(err)
		}
		if err := congtin.ValidatePassword(password); err != nil {
			fe["password"] = congtin.ErrorMessage(err)
		}
		if len(fe) == 0 {
			hash, err := auth.HashPassword(password)
			if err != nil {
				return nil, err
			}
			u = &congtin.User{Username: username, DisplayName: strings.TrimSpace(display), PasswordHash: hash}
			if err := s.Store.CreateUser(r.Context(), u); err != nil {
				if congtin.ErrorCode(err) == congtin.ECONFLICT {
					fe["username"] = congtin.ErrorMessage(err) + " Để trống mật khẩu để cấp quyền cho người đó."
				} else {
					return nil, err
				}
			}
		}
	}
	if len(fe) > 0 {
		return nil, &congtin.ValidationError{Fields: fe}
	}
	if err := s.Store.SetRole(r.Context(), rq.site.ID, u.ID, role); err != nil {
		return nil, err
	}
	_ = s.Store.AddAudit(r.Context(), rq.actor.Entry(rq.site.ID, "user.role", "user", u.ID, u.Username+": "+congtin.RoleName(role)))
	return u, nil
}

func (s *Server) handleAddUser(w http.ResponseWriter, r *http.Request, rq *request) {
	if err := parseForm(w, r); err != nil {
		s.error(w, r, rq, err)
		return
	}
	username, display, role := formValue(r, "username"), formValue(r, "display_name"), formValue(r, "role")
	u, err := s.addUser(r, rq, username, display, r.PostForm.Get("password"), role)
	if err != nil {
		if congtin.ErrorCode(err) != congtin.EINVALID {
			s.error(w, r, rq, err)
			return
		}
		page, perr := s.usersPage(r, rq)
		if perr != nil {
			s.error(w, r, rq, perr)
			return
		}
		page.Username, page.Display, page.NewRole = strings.ToValidUTF8(username, ""), strings.ToValidUTF8(display, ""), role
		page.Error = "Chưa thêm được người dùng."
		if ve, ok := err.(*congtin.ValidationError); ok {
			page.Errors = ve.Fields
		}
		s.render(w, r, http.StatusBadRequest, "admin/users", page)
		return
	}
	redirect(w, r, "/admin/nguoi-dung", "Đã cấp quyền cho "+u.Username+".")
}

func (s *Server) handleSetRole(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = can(rq, congtin.ActManage, nil)
	}
	if err == nil {
		err = parseForm(w, r)
	}
	var u *congtin.User
	if err == nil {
		u, err = s.Store.FindUserByID(r.Context(), id)
	}
	role := formValue(r, "role")
	if err == nil && u.ID == rq.actor.User.ID && role != congtin.RoleAdmin {
		err = congtin.Errorf(congtin.EINVALID, "Bạn không thể tự bỏ quyền quản trị của mình.")
	}
	if err == nil {
		err = s.Store.SetRole(r.Context(), rq.site.ID, id, role)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	_ = s.Store.AddAudit(r.Context(), rq.actor.Entry(rq.site.ID, "user.role", "user", id, u.Username+": "+congtin.RoleName(role)))
	redirect(w, r, "/admin/nguoi-dung", "Đã lưu quyền của "+u.Username+".")
}

func (s *Server) handleDisableUser(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = can(rq, congtin.ActManage, nil)
	}
	if err == nil {
		err = parseForm(w, r)
	}
	var u *congtin.User
	if err == nil {
		u, err = s.Store.FindUserByID(r.Context(), id)
	}
	// An account may work for several sites, so locking it is for super
	// administrators; a site's administrator removes the role instead.
	if err == nil && !rq.actor.User.SuperAdmin {
		err = congtin.Errorf(congtin.EFORBIDDEN, "Chỉ siêu quản trị mới khóa được tài khoản; hãy chọn “Bỏ quyền” để gỡ người này khỏi cổng.")
	}
	disable := r.PostForm.Get("disabled") == "1"
	if err == nil && u.ID == rq.actor.User.ID {
		err = congtin.Errorf(congtin.EINVALID, "Bạn không thể tự khóa tài khoản của mình.")
	}
	if err == nil {
		err = s.Store.SetDisabled(r.Context(), id, disable)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	action := "user.enable"
	if disable {
		action = "user.disable"
	}
	_ = s.Store.AddAudit(r.Context(), rq.actor.Entry(rq.site.ID, action, "user", id, u.Username))
	redirect(w, r, "/admin/nguoi-dung", "Đã cập nhật tài khoản "+u.Username+".")
}
