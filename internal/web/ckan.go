package web

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/congtin/congtin"
)

// A read-only subset of CKAN's action API (API version 3), the calls
// harvesters and clients such as ckanapi make: package_list,
// package_show, package_search, organization_list, group_list and
// status_show. Answers and errors keep CKAN's envelope, statuses and
// field names (ckan/views/api.py, ckan/logic/action/get.py), so a CKAN
// harvester reads the catalogue as it reads a CKAN site; the messages
// people may read are Vietnamese, the __type that programs test is
// CKAN's.

func (s *Server) ckanRoutes(mux *http.ServeMux) {
	// CKAN answers both with and without the version; ckanapi calls
	// /api/action/<name>.
	for _, p := range []string{"/api/3/action/{action}", "/api/action/{action}"} {
		mux.HandleFunc("GET "+p, s.handleCKAN)
		mux.HandleFunc("POST "+p, s.handleCKAN)
	}
}

// CKAN's limits of package_search (ckan.search.rows_max): larger rows are
// cut to the maximum, as its limit_to_configured_maximum does.
const (
	ckanRowsDefault = 10
	ckanRowsMax     = 1000
	// ckanMaxBody bounds a POSTed request's JSON.
	ckanMaxBody = 64 << 10
)

// ckanError is a failed call: CKAN's HTTP status and error object.
type ckanError struct {
	status int
	body   map[string]any
}

func (e *ckanError) Error() string { return "ckan: " + strconv.Itoa(e.status) }

func ckanBadRequest(msg string) *ckanError {
	return &ckanError{http.StatusBadRequest, map[string]any{"__type": "Bad Request", "message": msg}}
}

func ckanNotFound() *ckanError {
	return &ckanError{http.StatusNotFound, map[string]any{"__type": "Not Found Error", "message": "Không tìm thấy: " + congtin.ErrorMessage(congtin.NotFound(congtin.KindDataset))}}
}

// ckanInvalid is CKAN's Validation Error: field → messages.
func ckanInvalid(field, msg string) *ckanError {
	return &ckanError{http.StatusConflict, map[string]any{"__type": "Validation Error", field: []string{msg}}}
}

// ckanAction answers one action with its parameters.
type ckanAction func(s *Server, r *http.Request, p ckanParams) (any, error)

var ckanActions = map[string]ckanAction{
	"package_list":      (*Server).ckanPackageList,
	"package_show":      (*Server).ckanPackageShow,
	"package_search":    (*Server).ckanPackageSearch,
	"organization_list": (*Server).ckanOrganizationList,
	"group_list":        (*Server).ckanGroupList,
	"status_show":       (*Server).ckanStatusShow,
}

func (s *Server) handleCKAN(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("action")
	site := siteFrom(r.Context())
	env := map[string]any{"help": s.siteURL(site, "/api/3/action/help_show?name="+url.QueryEscape(name))}
	fail := func(err error) {
		var ce *ckanError
		if !errors.As(err, &ce) {
			// A store's error: unavailable, or internal (logged).
			status := http.StatusInternalServerError
			msg := "Đã xảy ra lỗi. Xin vui lòng thử lại sau."
			if code := congtin.ErrorCode(err); code == congtin.EUNAVAILABLE {
				status = http.StatusServiceUnavailable
			} else {
				s.Log.Error("ckan api", "action", name, "error", err)
			}
			ce = &ckanError{status, map[string]any{"__type": "Internal Server Error", "message": msg}}
		}
		env["success"], env["error"] = false, ce.body
		writeJSON(w, ce.status, env)
	}
	action, ok := ckanActions[name]
	if !ok {
		fail(ckanBadRequest("Bad request - Action name not known: " + clip(name)))
		return
	}
	p, err := ckanRequest(r)
	if err != nil {
		fail(err)
		return
	}
	result, err := action(s, r, p)
	if err != nil {
		fail(err)
		return
	}
	env["success"], env["result"] = true, result
	w.Header().Set("Cache-Control", "public, max-age=60")
	writeJSON(w, http.StatusOK, env)
}

// ckanParams are a call's parameters as strings (JSON numbers and
// booleans written as JSON writes them).
type ckanParams map[string]string

// ckanRequest reads the parameters as CKAN does: the query of a GET, the
// JSON object (or form) of a POST.
func ckanRequest(r *http.Request) (ckanParams, error) {
	p := ckanParams{}
	if r.Method == http.MethodGet {
		for k, v := range r.URL.Query() {
			p[k] = v[0]
		}
		return p, nil
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	body := http.MaxBytesReader(nil, r.Body, ckanMaxBody)
	if ct == "application/x-www-form-urlencoded" || ct == "multipart/form-data" {
		r.Body = body
		if err := r.ParseForm(); err != nil {
			return nil, ckanBadRequest("Bad request - Dữ liệu gửi lên không đọc được.")
		}
		for k, v := range r.PostForm {
			p[k] = v[0]
		}
		return p, nil
	}
	raw, err := io.ReadAll(body)
	if err != nil {
		return nil, ckanBadRequest("Bad request - Dữ liệu gửi lên quá lớn hoặc không đọc được.")
	}
	if len(strings.TrimSpace(string(raw))) == 0 {
		return p, nil
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, ckanBadRequest("Bad request - JSON Error: dữ liệu gửi lên phải là một đối tượng JSON.")
	}
	for k, v := range m {
		switch v := v.(type) {
		case string:
			p[k] = v
		case nil:
		default:
			b, _ := json.Marshal(v)
			p[k] = string(b)
		}
	}
	return p, nil
}

// natural reads a parameter as CKAN's natural_number_validator does: an
// integer ≥ 0, def when absent.
func (p ckanParams) natural(name string, def int) (int, error) {
	v, ok := p[name]
	if !ok || v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, ckanInvalid(name, "Invalid integer")
	}
	if n < 0 {
		return 0, ckanInvalid(name, "Must be a natural number")
	}
	return n, nil
}

func (p ckanParams) flag(name string) bool {
	v := strings.ToLower(p[name])
	return v == "true" || v == "1" || v == "yes"
}
