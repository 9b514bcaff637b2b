package operations

// ValueAdded rates the request behind a contact: a high-value contact
// (advice, sale, complex problem) is worth an agent's time; a low-value one
// (where is my order, password reset) is one self-service or a better
// process should remove. The zero value, Unassessed, leaves the contact out
// of the shares.
type ValueAdded uint8

// The value-added levels.
const (
	Unassessed ValueAdded = iota
	HighValue
	LowValue
)

var valueNames = []string{"", "high", "low"}

var valueAliases = map[string]ValueAdded{
	"": Unassessed, "unassessed": Unassessed, "unknown": Unassessed, "n/a": Unassessed,
	"high": HighValue, "high-value": HighValue, "h": HighValue, "forte": HighValue, "haute": HighValue, "élevée": HighValue,
	"low": LowValue, "low-value": LowValue, "l": LowValue, "faible": LowValue, "basse": LowValue,
}

// ParseValueAdded reads "high", "low" or "" (Unassessed, also "unknown")
// and aliases ("faible", "forte"…) in any case. An unknown name fails with
// ErrValueAdded quoting it.
func ParseValueAdded(s string) (ValueAdded, error) {
	return parseLabel(s, valueAliases, ErrValueAdded)
}

// String returns "high", "low", "" for Unassessed, or "value(n)" for an
// invalid value.
func (v ValueAdded) String() string {
	if v == Unassessed {
		return ""
	}
	return label(v, valueNames, "value")
}

// Valid reports whether v is Unassessed, HighValue or LowValue.
func (v ValueAdded) Valid() bool { return v <= LowValue }

// MarshalText returns "high", "low" or "" (Unassessed); an invalid level
// fails with ErrValueAdded.
func (v ValueAdded) MarshalText() ([]byte, error) {
	if v == Unassessed {
		return []byte{}, nil
	}
	return marshalLabel(v, valueNames, ErrValueAdded)
}

// UnmarshalText reads any name ParseValueAdded accepts; on error v is unchanged.
func (v *ValueAdded) UnmarshalText(b []byte) error {
	x, err := ParseValueAdded(string(b))
	if err != nil {
		return err
	}
	*v = x
	return nil
}
