// Package browser tests the sample dashboard (examples/dashboard) in a
// real browser: headless Chromium, driven over the DevTools protocol by
// chromedp. It is a nested module so that neither chromedp nor a browser
// is in the graph of the rapport module's importers.
//
// The test renders the sample, opens it from disk, and checks that every
// chart has its title, its text alternative and the SVG elements of its
// kind, laid out at a readable size; that the page runs no script,
// fetches nothing and logs no console error; and it saves a screenshot,
// to $RAPPORT_SCREENSHOT if set (screenshot.sh makes the README's).
//
//	cd examples/dashboard/browser && go test ./...
//
// Chromium comes from Debian: apt-get install chromium (.ci/run installs
// it when it is missing). $CHROMIUM names another binary.
package browser
