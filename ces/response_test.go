package ces

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestTallyBy(t *testing.T) {
	responses := []Response{{Score: 1, Channel: "chat"}, {Score: 4, Channel: "phone"}, {Score: 2, Channel: "chat"}, {Score: 5, Channel: "phone"}}
	byChannel, err := TallyBy(FivePointEffort, slices.Values(responses), func(r Response) string { return r.Channel })
	if err != nil {
		t.Fatal(err)
	}
	if len(byChannel) != 2 || byChannel["chat"].LowEffort() != 2 || byChannel["phone"].HighEffort() != 2 || byChannel["chat"].Scale() != FivePointEffort {
		t.Fatalf("groups: %v", byChannel)
	}
	bad := append(responses, Response{Score: 6})
	if _, err := TallyBy(FivePointEffort, slices.Values(bad), func(Response) int { return 0 }); !errors.Is(err, ErrScoreOutOfRange) || !strings.HasPrefix(err.Error(), "response 4:") {
		t.Errorf("bad score: err = %v", err)
	}
}

// R: t.test(c(7, 6, 6, 5, 4, 2, 7, 6)) (testdata/reference.R, "# Of").
func TestOfAndResult(t *testing.T) {
	r, err := Of(SevenPointEase, []int{7, 6, 6, 5, 4, 2, 7, 6})
	if err != nil {
		t.Fatal(err)
	}
	if r.N != 8 || r.Mean != 5.375 || r.LowEffort != 75 || r.Neutral != 12.5 || r.HighEffort != 12.5 || r.Net != 62.5 || !near(r.Ease, 100*4.375/6, 1e-15) ||
		!near(r.Interval.Lo, 3.9662896852908065, 1e-12) || !near(r.Interval.Hi, 6.7837103147091931, 1e-12) {
		t.Errorf("Of: %+v", r)
	}
	if got := r.String(); got != "CES mean 5.38 on 1–7, higher is easier (95% t 3.97…6.78), ease 72.9%, n=8: 75.0% low effort, 12.5% neutral, 12.5% high effort, net +62.5" {
		t.Errorf("String() = %q", got)
	}
	if _, err := Of(SevenPointEase, []int{7, 0}); !errors.Is(err, ErrScoreOutOfRange) || !strings.HasPrefix(err.Error(), "score 1:") {
		t.Errorf("Of bad: err = %v", err)
	}
	if _, err := Of(SevenPointEase, []int{7}); !errors.Is(err, ErrTooFew) {
		t.Errorf("Of one: err = %v", err)
	}
}
