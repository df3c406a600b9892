package counterpoint

import (
	"errors"
	"fmt"
)

// Error codes shared by every package; the API maps them to GraphQL
// extensions.code in exactly one place.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	EUNAUTHORIZED = "unauthorized"
	ETOOCOMPLEX   = "too_complex"
	EUNAVAILABLE  = "unavailable"
	EINTERNAL     = "internal"
)

// Error is an error meant for the user: its message is safe to show, and its
// code says which kind of failure it is.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("counterpoint error: code=%s message=%s", e.Code, e.Message)
}

// Errorf is a helper that builds an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of the first *Error in err's
// chain; other errors get a generic message so internals never leak.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
