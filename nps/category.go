package nps

import "github.com/rapportkit/rapport/internal/counts"

// Category is the group a score falls in. Its numeric value is the
// respondent's contribution to the score: the NPS is the mean of the
// categories of all responses.
type Category int8

// The three categories, −1, 0 and +1.
const (
	Detractor Category = -1
	Passive   Category = 0
	Promoter  Category = 1
)

// String returns "detractor", "passive" or "promoter".
func (c Category) String() string {
	return counts.Name(int(c)+1, "detractor", "passive", "promoter", "invalid category")
}

// Classify returns the category of a score on the standard 0–10 scale:
// 0–6 detractor, 7–8 passive, 9–10 promoter.
func Classify(score int) (Category, error) {
	return Standard.Classify(score)
}
