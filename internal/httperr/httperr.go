// Package httperr is the one place that maps the application's error
// codes to HTTP statuses, shared by the public site (package web) and the
// back office (package admin).
package httperr

import (
	"errors"
	"net/http"

	"github.com/congtin/congtin"
)

var statuses = map[string]int{
	congtin.EINVALID:      http.StatusBadRequest,
	congtin.ENOTFOUND:     http.StatusNotFound,
	congtin.EGONE:         http.StatusGone,
	congtin.ECONFLICT:     http.StatusConflict,
	congtin.EFORBIDDEN:    http.StatusForbidden,
	congtin.EUNAUTHORIZED: http.StatusUnauthorized,
	congtin.ETOOMANY:      http.StatusTooManyRequests,
	congtin.EUNAVAILABLE:  http.StatusServiceUnavailable,
}

// Status returns the HTTP status for an error: its code's, or 500.
func Status(err error) int {
	if st, ok := statuses[congtin.ErrorCode(err)]; ok {
		return st
	}
	return http.StatusInternalServerError
}

// RetryAfter is the Retry-After header of every 503, in seconds: about as
// long as a database restart takes.
const RetryAfter = "5"

// UnavailableMessage is what a reader is told while the database cannot
// be reached.
const UnavailableMessage = "Cổng thông tin đang tạm thời gián đoạn kết nối tới cơ sở dữ liệu. Xin vui lòng thử lại sau ít phút."

// Message is what a reader is told of an error answered with status
// (Status's): an unavailable database gets UnavailableMessage, another
// unavailable dependency (the file store) its own message, anything
// else the error's message. A 500's text is the caller's.
func Message(err error, status int) string {
	var e *congtin.Error
	if status == http.StatusServiceUnavailable && !(errors.As(err, &e) && e.Code == congtin.EUNAVAILABLE) {
		return UnavailableMessage
	}
	return congtin.ErrorMessage(err)
}
