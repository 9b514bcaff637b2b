package rapportbeam

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/rapportkit/rapport/nps"
)

func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

// summary is a comparable digest of a tally for passert.
func summary(key string, t *nps.Tally) string {
	s, _ := t.Score()
	return fmt.Sprintf("%s n=%d P=%d D=%d %v", key, t.N(), t.Promoters(), t.Detractors(), s)
}

// The pipeline's tallies equal the in-memory nps.TallyBy on the same data,
// and the invalid scores come out as rejections.
func TestNPSByKey(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	var pairs []kv
	var responses []nps.Response
	groupOf := map[int]string{}
	for i := range 5000 {
		key := []string{"phone", "chat", "email"}[rng.IntN(3)]
		score := rng.IntN(11)
		pairs = append(pairs, kv{key, score})
		responses = append(responses, nps.Response{Score: score})
		groupOf[i] = key
	}
	pairs = append(pairs, kv{"phone", 11}, kv{"chat", -3})

	i := 0
	want, err := nps.TallyBy(slices.Values(responses), nps.Standard, func(nps.Response) string { k := groupOf[i]; i++; return k })
	if err != nil {
		t.Fatal(err)
	}
	var wantSummaries []any
	for k, tally := range want {
		wantSummaries = append(wantSummaries, summary(k, tally))
	}

	p, s := beam.NewPipelineWithRoot()
	input := beam.ParDo(s, splitKV, beam.CreateList(s, pairs))
	tallies, rejected := NPSByKey(s, input)
	passert.Equals(s, beam.ParDo(s, summary, tallies), wantSummaries...)
	passert.Equals(s, rejected,
		"phone: nps: score out of range: 11 not in 0..10",
		"chat: nps: score out of range: -3 not in 0..10")
	ptest.RunAndValidate(t, p)
}

type kv struct {
	Key   string
	Score int
}

func splitKV(e kv, emit func(string, int)) { emit(e.Key, e.Score) }

func init() {
	register.Function2x0(splitKV)
	register.Function2x1(summary)
}
