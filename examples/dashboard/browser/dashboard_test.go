package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	// The module of the sample, which the test builds with go run.
	_ "github.com/rapportkit/rapport/dashboard"
)

// chart is what the page's DOM says of one figure once laid out.
type chart struct {
	Heading, Title, Desc string
	Role                 string
	Width, Height        float64
	Paths, Rects, Lines  int
	Circles, Texts       int
	Drawn, TextsMeasured int // elements with a non-empty box; texts with a width
	Classes              []string
}

// kinds are the elements each chart of the sample must have, by its
// heading.
var kinds = map[string][]string{
	"NPS by month":                                  {"line", "band", "point", "target"},
	"CSAT by month":                                 {"line", "band", "point", "target"},
	"Customer effort by month":                      {"line", "band", "point", "target"},
	"Monthly churn":                                 {"line", "band", "point", "target"},
	"NPS by channel, Q4":                            {"bar", "whisker", "target"},
	"CSAT by channel, Q4":                           {"bar", "whisker", "target"},
	"Customer effort by channel, Q4":                {"bar", "whisker"},
	"Contacts by month":                             {"line", "band", "point", "ring"},
	"Service level by month":                        {"line", "band", "point", "target", "ring"},
	"Average speed of answer by month":              {"line", "band", "point", "target"},
	"Abandonment by month":                          {"line", "band", "point", "target"},
	"First-contact resolution by month":             {"line", "band", "point", "target"},
	"Average handle time by month":                  {"line", "band", "point", "target"},
	"Voice staffing, Monday 5 January 2026":         {"bar", "short", "required"},
	"Subscribers still there, by plan":              {"line", "band", "censor", "median"},
	"Concentration of 2025 revenue":                 {"line", "band", "equality", "point"},
	"Cohorts of 2025: still subscribed k months on": {"cell", "share"},
	"Tier moves, 2024 to 2025":                      {"cell", "diag", "count", "share"},
}

const inspect = `Array.from(document.querySelectorAll('figure')).map(f => {
	const s = f.querySelector('svg');
	const r = s.getBoundingClientRect();
	const all = Array.from(s.querySelectorAll('path, rect, line, circle, text'));
	const classes = new Set();
	all.forEach(e => e.classList.forEach(c => classes.add(c)));
	return {
		Heading: f.querySelector('h3').textContent,
		Title: s.querySelector(':scope > title') ? s.querySelector(':scope > title').textContent : '',
		Desc: s.querySelector(':scope > desc') ? s.querySelector(':scope > desc').textContent : '',
		Role: s.getAttribute('role') || '',
		Width: r.width, Height: r.height,
		Paths: s.querySelectorAll('path').length, Rects: s.querySelectorAll('rect').length,
		Lines: s.querySelectorAll('line').length, Circles: s.querySelectorAll('circle').length,
		Texts: s.querySelectorAll('text').length,
		Drawn: all.filter(e => { const b = e.getBBox(); return b.width > 0 || b.height > 0; }).length,
		TextsMeasured: Array.from(s.querySelectorAll('text')).filter(t => t.getComputedTextLength() > 0).length,
		Classes: Array.from(classes),
	};
})`

// TestDashboardInChromium renders the sample in headless Chromium.
func TestDashboardInChromium(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	html := filepath.Join(dir, "dashboard.html")
	build := exec.Command("go", "run", "github.com/rapportkit/rapport/examples/dashboard", "-o", html)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("rendering the sample: %v\n%s", err, out)
	}

	start := time.Now()
	tab := open(t, browser, html)
	ctx := tab.ctx
	if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	scripts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.scripts.length`))
	if err != nil {
		t.Fatal(err)
	}
	sections, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('section').length`))
	if err != nil {
		t.Fatal(err)
	}
	charts, err := chromedp.Run(ctx, chromedp.Evaluate[[]chart](inspect))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Chromium (%s) loaded and laid out the page in %v", browser, time.Since(start).Round(time.Millisecond))

	if title != "Customer relationship — December 2025" {
		t.Errorf("title %q", title)
	}
	if scripts != 0 {
		t.Errorf("%d scripts in the page", scripts)
	}
	if sections != 3 {
		t.Errorf("%d sections, want 3", sections)
	}
	rings := 0
	for _, c := range charts {
		if contains(c.Classes, "ring") {
			rings++
		}
	}
	if rings < 2 {
		t.Errorf("%d charts with a significant change marked, want at least 2", rings)
	}
	if len(charts) != len(kinds) {
		t.Errorf("%d charts, want %d", len(charts), len(kinds))
	}
	for _, c := range charts {
		want, ok := kinds[c.Heading]
		if !ok {
			t.Errorf("a chart %q the test does not know", c.Heading)
			continue
		}
		switch {
		case c.Title != c.Heading:
			t.Errorf("%s: <title> %q", c.Heading, c.Title)
		case len(c.Desc) < 40:
			t.Errorf("%s: <desc> %q too short for a text alternative", c.Heading, c.Desc)
		case c.Role != "img":
			t.Errorf("%s: role %q", c.Heading, c.Role)
		case c.Width < 400 || c.Height < 100:
			t.Errorf("%s: laid out %.0f × %.0f px", c.Heading, c.Width, c.Height)
		case c.TextsMeasured < 5 || c.TextsMeasured < c.Texts*9/10:
			t.Errorf("%s: %d of %d texts have a width", c.Heading, c.TextsMeasured, c.Texts)
		case c.Drawn < 10:
			t.Errorf("%s: %d elements drawn", c.Heading, c.Drawn)
		}
		for _, class := range want {
			if !contains(c.Classes, class) {
				t.Errorf("%s: no element of class %q (classes %v)", c.Heading, class, c.Classes)
			}
		}
		t.Logf("%-40s %4.0f×%-4.0f paths %3d rects %3d lines %3d circles %3d texts %3d", c.Heading, c.Width, c.Height, c.Paths, c.Rects, c.Lines, c.Circles, c.Texts)
	}

	// The screenshot: the top of the page at 1280 px, for the README.
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 1320, DeviceScaleFactor: 1}); err != nil {
		t.Fatal(err)
	}
	res, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format: page.CaptureScreenshotFormatPng, Clip: &page.Viewport{X: 0, Y: 0, Width: 1280, Height: 1320, Scale: 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	png := res.Data
	shot := os.Getenv("RAPPORT_SCREENSHOT")
	if shot == "" {
		shot = filepath.Join(dir, "dashboard.png")
	}
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s (%d KB)", shot, len(png)>>10)

	problems, fetched := tab.reported()
	for _, p := range problems {
		t.Errorf("the browser reported %s", p)
	}
	for _, r := range fetched {
		t.Errorf("the page fetched %s", r)
	}
}

// TestBrowserReports shows that the test above sees what it checks: a
// console error, an exception and a fetch on a page that has them.
func TestBrowserReports(t *testing.T) {
	browser := chromium(t)
	html := filepath.Join(t.TempDir(), "broken.html")
	err := os.WriteFile(html, []byte(`<!doctype html><title>broken</title><body><img src="http://127.0.0.1:9/missing.png">
<script>console.error("broken on purpose"); null.property</script></body>`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	tab := open(t, browser, html)
	var problems, fetched []string
	for range 50 { // events arrive as the page loads
		if problems, fetched = tab.reported(); len(problems) >= 2 && len(fetched) >= 1 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, "broken on purpose") }) ||
		!slices.ContainsFunc(problems, func(p string) bool { return strings.HasPrefix(p, "exception") }) {
		t.Errorf("the console error and the exception were not seen: %q", problems)
	}
	if !slices.Contains(fetched, "http://127.0.0.1:9/missing.png") {
		t.Errorf("the fetch was not seen: %q", fetched)
	}
}

// tab is a page open in headless Chromium, with what the browser
// reported while it loaded.
type tab struct {
	ctx                context.Context
	url                string
	mu                 sync.Mutex
	problems, requests []string
}

// open starts the browser with the flags that work in CI, listens to the
// console, the log and the network, and opens the file.
func open(t *testing.T, browser, file string) *tab {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	// The deadline stops the browser too, should it hang.
	deadline, stop := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(stop)
	actx, cancel := chromedp.NewExecAllocator(deadline, opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	b := &tab{ctx: ctx, url: "file://" + file}
	listen := func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value))
				}
				b.problems = append(b.problems, fmt.Sprintf("console %s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			b.problems = append(b.problems, "exception: "+ev.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				b.problems = append(b.problems, fmt.Sprintf("log %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, ev.Request.URL)
		}
	}
	if err := chromedp.Listen(ctx, listen); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(b.url), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	return b
}

// reported returns the console errors, warnings, exceptions and log
// errors seen so far, and the requests for anything but the page itself.
func (b *tab) reported() (problems, fetched []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, r := range b.requests {
		if r != b.url {
			fetched = append(fetched, r)
		}
	}
	return slices.Clone(b.problems), fetched
}

func contains(xs []string, x string) bool { return slices.Contains(xs, x) }

// chromium finds the browser: $CHROMIUM, or Debian's chromium.
func chromium(t *testing.T) string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no Chromium: apt-get install chromium, or set $CHROMIUM (the test does not skip: .ci/run installs it)")
	return ""
}
