package copydb

import (
	"fmt"
	"time"
)

// Converter turns a value of a source column's kind into the target
// column's kind. NULL (nil) stays NULL; a value of an unexpected Go type is
// an error, never a guess.
type Converter func(v any) (any, error)

// NewConverter returns the converter from one kind to another, or an error
// when there is none. The pairs that differ are the ones the two stores
// need: SQLite keeps times as Unix seconds and flags as 0/1 in INTEGER
// columns, PostgreSQL as timestamptz and boolean.
func NewConverter(from, to Kind) (Converter, error) {
	switch {
	case from == to:
		return same(from), nil
	case from == Integer && to == Time:
		return unixToTime, nil
	case from == Time && to == Integer:
		return timeToUnix, nil
	case from == Integer && to == Bool:
		return intToBool, nil
	case from == Bool && to == Integer:
		return boolToInt, nil
	}
	return nil, fmt.Errorf("cannot copy a %s column into a %s column", from, to)
}

// same checks that values are of the kind's Go type.
func same(k Kind) Converter {
	return func(v any) (any, error) {
		switch x := v.(type) {
		case nil:
			return nil, nil
		case int64:
			if k == Integer {
				return x, nil
			}
		case string:
			if k == Text {
				return x, nil
			}
		case []byte:
			if k == Text {
				return string(x), nil
			}
		case bool:
			if k == Bool {
				return x, nil
			}
		case time.Time:
			if k == Time {
				return x.UTC(), nil
			}
		}
		return nil, unexpected(v, k)
	}
}

func unixToTime(v any) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case int64:
		return time.Unix(x, 0).UTC(), nil
	}
	return nil, unexpected(v, Integer)
}

func timeToUnix(v any) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case time.Time:
		// Both stores keep whole seconds; a fraction would be lost here,
		// so it is refused rather than rounded.
		if x.Nanosecond() != 0 {
			return nil, fmt.Errorf("time %s has a fraction of a second, which an integer column cannot hold", x.Format(time.RFC3339Nano))
		}
		return x.Unix(), nil
	}
	return nil, unexpected(v, Time)
}

func intToBool(v any) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case int64:
		switch x {
		case 0:
			return false, nil
		case 1:
			return true, nil
		}
		return nil, fmt.Errorf("%d is neither 0 nor 1, so it is no flag", x)
	}
	return nil, unexpected(v, Integer)
}

func boolToInt(v any) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	}
	return nil, unexpected(v, Bool)
}

func unexpected(v any, k Kind) error {
	return fmt.Errorf("a %s column holds %v (%T)", k, v, v)
}
