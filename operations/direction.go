package operations

// Direction says who started a contact. The zero value is not a direction.
type Direction uint8

// The two directions.
const (
	// Inbound contacts come from the customer.
	Inbound Direction = iota + 1
	// Outbound contacts are made by the centre: calls, callbacks, campaigns.
	Outbound
)

var directionNames = []string{"", "inbound", "outbound"}

var directionAliases = map[string]Direction{
	"inbound": Inbound, "in": Inbound, "incoming": Inbound, "entrant": Inbound, "entrante": Inbound, "appel-entrant": Inbound,
	"outbound": Outbound, "out": Outbound, "outgoing": Outbound, "sortant": Outbound, "sortante": Outbound, "appel-sortant": Outbound,
}

// ParseDirection reads "inbound" or "outbound" and aliases ("in",
// "incoming", "entrant"; "out", "outgoing", "sortant"), in any case. An
// unknown name fails with ErrDirection quoting it.
func ParseDirection(s string) (Direction, error) {
	return parseLabel(s, directionAliases, ErrDirection)
}

// String returns "inbound" or "outbound", or "direction(n)" for an invalid value.
func (d Direction) String() string { return label(d, directionNames, "direction") }

// Valid reports whether d is Inbound or Outbound.
func (d Direction) Valid() bool { return d == Inbound || d == Outbound }

// MarshalText returns the canonical name; an invalid direction fails with
// ErrDirection.
func (d Direction) MarshalText() ([]byte, error) {
	return marshalLabel(d, directionNames, ErrDirection)
}

// UnmarshalText reads any name ParseDirection accepts; on error d is unchanged.
func (d *Direction) UnmarshalText(b []byte) error {
	v, err := ParseDirection(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
