package csat

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestTallyBy(t *testing.T) {
	responses := []Response{{Score: 1, Channel: "phone"}, {Score: 0, Channel: "chat"}, {Score: 1, Channel: "chat"}, {Score: 1, Channel: "phone"}}
	byChannel, err := TallyBy(Binary, slices.Values(responses), func(r Response) string { return r.Channel })
	if err != nil {
		t.Fatal(err)
	}
	if len(byChannel) != 2 || byChannel["phone"].Satisfied() != 2 || byChannel["chat"].N() != 2 || byChannel["chat"].Scale() != Binary {
		t.Fatalf("groups: %v", byChannel)
	}
	bad := append(responses, Response{Score: 2})
	if _, err := TallyBy(Binary, slices.Values(bad), func(Response) int { return 0 }); !errors.Is(err, ErrScoreOutOfRange) || !strings.HasPrefix(err.Error(), "response 4:") {
		t.Errorf("bad score: err = %v", err)
	}
}

func TestOfAndResult(t *testing.T) {
	r, err := Of(FivePoint, []int{5, 4, 4, 3, 2, 5, 5, 4, 1, 4})
	if err != nil {
		t.Fatal(err)
	}
	if r.N != 10 || r.Satisfied != 7 || r.Neutral != 1 || r.Dissatisfied != 2 || r.Score != 70 || r.Dissatisfaction != 20 || r.Mean != 3.7 || r.Interval.Method != Wilson || r.Scale != FivePoint {
		t.Errorf("Of: %+v", r)
	}
	if got := r.String(); got != "CSAT 70.0% (95% wilson 39.7…89.2), n=10: 7 satisfied, 1 neutral, 2 dissatisfied; mean 3.70 on 1–5" {
		t.Errorf("String() = %q", got)
	}
	if _, err := Of(FivePoint, []int{5, 6}); !errors.Is(err, ErrScoreOutOfRange) || !strings.HasPrefix(err.Error(), "score 1:") {
		t.Errorf("Of bad: err = %v", err)
	}
}
