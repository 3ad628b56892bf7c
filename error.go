package congtin

import (
	"errors"
	"fmt"
)

// Error codes. They say what kind of failure happened, so that one place in
// the web layer can map them to an HTTP status.
const (
	ECONFLICT     = "conflict"
	EINTERNAL     = "internal"
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EGONE         = "gone"         // existed once, withdrawn on purpose (unpublished)
	EFORBIDDEN    = "forbidden"    // signed in, but the role does not allow it
	EUNAUTHORIZED = "unauthorized" // not signed in
	ETOOMANY      = "too_many"     // rate limited or locked out
	EUNAVAILABLE  = "unavailable"  // the database cannot be reached; try again soon
)

// Unavailable is the error a store returns while its database cannot be
// reached (a PostgreSQL restart, a network cut).
func Unavailable(err error) error {
	return &unavailableError{err}
}

type unavailableError struct{ err error }

func (e *unavailableError) Error() string { return "database unavailable: " + e.err.Error() }
func (e *unavailableError) Unwrap() error { return e.err }

// Error is an application error: a code and a message a reader can act on.
// Messages shown on public pages are in Vietnamese.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string {
	return fmt.Sprintf("congtin error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an application error in err's chain, or
// EINTERNAL for any other non-nil error.
func ErrorCode(err error) string {
	var e *Error
	var ve *ValidationError
	var ue *unavailableError
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	} else if errors.As(err, &ve) {
		return EINVALID
	} else if errors.As(err, &ue) {
		return EUNAVAILABLE
	}
	return EINTERNAL
}

// ErrorMessage returns the message of an application error, or a generic
// Vietnamese message that leaks nothing about internals.
func ErrorMessage(err error) string {
	var e *Error
	var ve *ValidationError
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	} else if errors.As(err, &ve) {
		return "Thông tin nhập chưa hợp lệ; xem các thông báo bên dưới từng ô."
	}
	return "Đã xảy ra lỗi. Xin vui lòng thử lại sau."
}
