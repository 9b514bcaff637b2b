package nps

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestTallyBy(t *testing.T) {
	jan := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	feb := jan.AddDate(0, 1, 0)
	responses := []Response{{Score: 10, At: jan}, {Score: 3, At: jan}, {Score: 9, At: feb}, {Score: 8, At: feb, Weight: 1}}
	byMonth, err := TallyBy(slices.Values(responses), func(r Response) time.Month { return r.At.Month() })
	if err != nil {
		t.Fatal(err)
	}
	if len(byMonth) != 2 || byMonth[time.January].N() != 2 || byMonth[time.February].Promoters() != 1 {
		t.Fatalf("groups: %v", byMonth)
	}
	bad := append(responses, Response{Score: 12})
	if _, err := TallyBy(slices.Values(bad), func(Response) int { return 0 }); !errors.Is(err, ErrScoreOutOfRange) || err.Error()[:10] != "response 4" {
		t.Errorf("bad score: err = %v", err)
	}
	weighted := append(responses, Response{Score: 9, Weight: 2})
	if _, err := TallyBy(slices.Values(weighted), func(Response) int { return 0 }); !errors.Is(err, ErrWeighted) {
		t.Errorf("weighted response: err = %v", err)
	}
	w, err := WeightedBy(slices.Values(weighted), func(r Response) bool { return r.Weight == 2 })
	if err != nil || w[true].Weight() != 2 || w[false].Weight() != 4 {
		t.Fatalf("WeightedBy: %v %v", w, err)
	}
	if _, err := WeightedBy(slices.Values([]Response{{Score: 9, Weight: -1}}), func(Response) int { return 0 }); !errors.Is(err, ErrWeight) {
		t.Errorf("negative weight: err = %v", err)
	}
}

func TestOf(t *testing.T) {
	r, err := Of([]int{10, 10, 9, 8, 7, 6, 0, 9, 10, 9})
	if err != nil {
		t.Fatal(err)
	}
	if r.N != 10 || r.Promoters != 6 || r.Passives != 2 || r.Detractors != 2 || r.Score != 40 || r.Interval.Method != AdjustedWald {
		t.Errorf("Of: %+v", r)
	}
	if _, err := Of([]int{9, 11}); !errors.Is(err, ErrScoreOutOfRange) {
		t.Errorf("Of bad: err = %v", err)
	}
}
