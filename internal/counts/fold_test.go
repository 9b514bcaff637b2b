package counts

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Très satisfait":                     "tres satisfait",
		"  TRÈS   satisfait!! ":              "tres satisfait",
		"Tre\u0300s satisfait":               "tres satisfait", // combining grave accent
		"Satisfait(e)":                       "satisfait",
		"Très satisfait·e":                   "tres satisfait",
		"Ni satisfait(e), ni insatisfait(e)": "ni satisfait ni insatisfait",
		"Neither satisfied nor dissatisfied": "neither satisfied nor dissatisfied",
		"Œuvre Ærø ß Ça":                     "oeuvre aero ss ca",
		"":                                   "",
		"  -- ":                              "",
		"5":                                  "5",
		"x·ey (E)":                           "x ey", // ·e only as an ending
		"(e)(e":                              "e",
		"İ ǅ":                                "i ǆ",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
