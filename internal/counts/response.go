package counts

import "time"

// Response is one answer of a survey on a scale, at a channel or
// touchpoint: the record of csat and ces, which name it in their own
// words.
type Response struct {
	Score   int       `json:"score"`
	Channel string    `json:"channel,omitempty"` // or touchpoint: phone, chat, store …
	At      time.Time `json:"at"`
}
