package admin

import (
	"net/http"
	"strings"

	"github.com/congtin/congtin"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/render"
)

func (s *Server) usersPage(r *http.Request, rq *request) (*render.UsersPage, error) {
	ms, err := s.users.FindMembers(r.Context(), rq.site.ID)
	if err != nil {
		return nil, err
	}
	page := &render.UsersPage{AdminBase: rq.base("Người dùng", "users"), Members: ms, NewRole: congtin.RoleReporter}
	page.Flash = s.flash(r)
	return page, nil
}

func (s *Server) handleUsers(w http.ResponseWriter, r *http.Request, rq *request) {
	err := manager(rq)
	var page *render.UsersPage
	if err == nil {
		page, err = s.usersPage(r, rq)
	}
	s.show(w, r, rq, "admin/users", page, err)
}

// addUser creates the user (or finds an existing one when no password is
// given) and gives them a role on the site; shared with the API.
func (s *Server) addUser(r *http.Request, rq *request, username, display, password, role string) (*congtin.User, error) {
	if err := manager(rq); err != nil {
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
		if u, err = s.users.FindUserByUsername(r.Context(), username); err != nil {
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
			if err := s.users.CreateUser(r.Context(), u); err != nil {
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
	if err := s.users.SetRole(r.Context(), rq.site.ID, u.ID, role); err != nil {
		return nil, err
	}
	_ = s.users.AddAudit(r.Context(), rq.actor.Entry(rq.site.ID, "user.role", "user", u.ID, u.Username+": "+congtin.RoleName(role)))
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
		s.refuseForm(w, r, rq, "admin/users", nil, err, "Chưa thêm được người dùng.", func() (formPage, error) {
			page, err := s.usersPage(r, rq)
			if err == nil {
				// The names are shown back without what is not UTF-8.
				page.Username, page.Display, page.NewRole = strings.ToValidUTF8(username, ""), strings.ToValidUTF8(display, ""), role
			}
			return page, err
		})
		return
	}
	s.redirect(w, r, usersAdminPath, "Đã cấp quyền cho "+u.Username+".")
}

const usersAdminPath = "/admin/nguoi-dung"

// memberForm reads a form about the {id} user, for an administrator.
func (s *Server) memberForm(w http.ResponseWriter, r *http.Request, rq *request) (*congtin.User, error) {
	id, err := pathID(r)
	if err == nil {
		err = allowedForm(w, r, rq, manager)
	}
	if err != nil {
		return nil, err
	}
	return s.users.FindUserByID(r.Context(), id)
}

// handleSetRole changes a member's role; the service refuses a user who
// is not the site's member as if there were no such user.
func (s *Server) handleSetRole(w http.ResponseWriter, r *http.Request, rq *request) {
	id, err := pathID(r)
	if err == nil {
		err = allowedForm(w, r, rq, manager)
	}
	var u *congtin.User
	if err == nil {
		u, err = s.users.ChangeRole(r.Context(), rq.actor, rq.site.ID, id, formValue(r, "role"))
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	s.redirect(w, r, usersAdminPath, "Đã lưu quyền của "+u.Username+".")
}

func (s *Server) handleDisableUser(w http.ResponseWriter, r *http.Request, rq *request) {
	u, err := s.memberForm(w, r, rq)
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
		err = s.users.SetDisabled(r.Context(), u.ID, disable)
	}
	if err != nil {
		s.error(w, r, rq, err)
		return
	}
	action := "user.enable"
	if disable {
		action = "user.disable"
	}
	_ = s.users.AddAudit(r.Context(), rq.actor.Entry(rq.site.ID, action, "user", u.ID, u.Username))
	s.redirect(w, r, usersAdminPath, "Đã cập nhật tài khoản "+u.Username+".")
}
