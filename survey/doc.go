// Package survey holds the survey response: one record with every
// answer of a response (NPS, CSAT and CES scores, a comment) and the
// dimensions it is reported by (channel, agent, queue, customer, contact,
// segment, language), with a reader of survey exports.
//
// A question not answered is NoAnswer, which no score equals: a response
// may answer NPS and not CSAT. The By functions group the answers of one
// question, leaving out the responses without one, into the tallies of
// packages nps, csat and ces, following the rapport contract's AOf and
// ABy (see [rapport]):
//
//	byChannel, err := survey.NPSBy(responses, func(r survey.Response) string { return r.Channel })
//	byMonth, err := survey.CSATBy(responses, csat.FivePoint, func(r survey.Response) period.Month {
//		return period.MonthOf(r.At, paris)
//	})
//
// Join links responses to the contacts they rate (Response.ContactID,
// operations.Contact.ID), so that CSAT by agent or by queue comes from
// the contacts, and reports the contact ids it cannot find.
//
// Reader reads Qualtrics, SurveyMonkey, Typeform or Medallia exports with
// the rules of package row: scores as integers or as the labels of their
// scales ("Very satisfied", "Très satisfait", "10 - Extremely likely"),
// every row accepted or rejected with its reason.
//
// [rapport]: https://pkg.go.dev/github.com/rapportkit/rapport
package survey
