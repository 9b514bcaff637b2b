package dashboard

import "html/template"

// page is the whole document. Every text in it comes from the caller's
// values through html/template's contextual escaping; the SVG elements
// are drawn from numbers and this package's own names.
var page = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rapport dashboard">
<title>{{.Title}}</title>
<style>
:root { --ink: #1d1d1d; --muted: #5a5a5a; --line: #dcdcdc; --paper: #ffffff; --back: #f4f4f2; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; margin: 0; color: var(--ink); background: var(--back); }
main { max-width: 1320px; margin: 0 auto; padding: 24px; }
header h1 { font-size: 24px; margin: 0 0 2px; }
header p { margin: 0 0 8px; color: var(--muted); }
section { margin-top: 26px; }
section h2 { font-size: 18px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin-bottom: 14px; }
.tile { background: var(--paper); border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.tile.good { border-left-color: #009E73; } .tile.warn { border-left-color: #E69F00; } .tile.bad { border-left-color: #D55E00; }
.tile .label { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.tile .value { font-size: 28px; font-weight: 650; font-variant-numeric: tabular-nums; }
.tile .change { font-size: 13px; } .tile .change.better { color: #005a8c; } .tile .change.worse { color: #a33c00; }
.tile .sig, .tile .note, .tile .target { font-size: 12px; color: var(--muted); }
.status { display: inline-block; margin-top: 4px; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; border: 1px solid; }
.status.good { background: #e0f3ec; border-color: #009E73; } .status.warn { background: #fbf0d9; border-color: #E69F00; } .status.bad { background: #f9e4d9; border-color: #D55E00; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(540px, 1fr)); gap: 12px; }
figure { margin: 0; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
figure h3 { font-size: 15px; margin: 0 0 4px; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
svg { display: block; width: 100%; height: auto; font-family: inherit; }
svg .grid { stroke: #e8e8e8; } svg .axisline { stroke: #9a9a9a; }
svg .tick { font-size: 11px; fill: #444; } svg .year { fill: #777; } svg .axis { font-size: 12px; fill: #333; }
svg .legend { font-size: 11.5px; fill: #222; } svg .note { font-size: 13px; fill: #222; }
svg .line { fill: none; stroke-width: 2.2; } svg .keyline { stroke-width: 3; }
svg .target { stroke: #000; stroke-width: 1.4; } svg .equality { stroke-width: 1.4; }
svg .ring { stroke-width: 1.6; } svg .sig { font-size: 12px; font-weight: 700; }
svg .whisker { stroke: #000; stroke-width: 1.3; } svg .value { font-size: 12px; fill: #222; font-variant-numeric: tabular-nums; }
svg .censor { stroke-width: 1.6; } svg .median { stroke-width: 1.2; }
svg .cell { stroke: #fff; } svg .diag { stroke: #000; stroke-width: 2; }
svg .ink { fill: #111; } svg .light { fill: #fff; } svg .count { font-size: 12px; font-weight: 600; } svg .share { font-size: 10px; }
svg .short { stroke-width: 1.6; } svg .required { stroke-width: 2.4; }
table { border-collapse: collapse; background: var(--paper); margin: 14px 0 4px; font-size: 13px; min-width: 50%; }
caption { text-align: left; font-weight: 650; padding: 4px 0; }
th, td { border-bottom: 1px solid #ececec; padding: 5px 10px; text-align: left; }
th { background: #efefec; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.tablenote { font-size: 12px; color: var(--muted); margin: 0 0 10px; }
footer { color: var(--muted); font-size: 12px; margin: 30px 0 10px; border-top: 1px solid var(--line); padding-top: 8px; }
</style>
</head>
<body>
<main>
<header><h1>{{.Title}}</h1>{{with .Subtitle}}<p>{{.}}</p>{{end}}</header>
{{range .Sections}}<section>
{{with .Title}}<h2>{{.}}</h2>{{end}}
{{with .Tiles}}<div class="tiles">{{range .}}{{template "tile" .}}{{end}}</div>{{end}}
{{with .Charts}}<div class="charts">{{range .}}<figure><h3>{{.Title}}</h3>{{template "svg" .SVG}}{{with .Note}}<figcaption>{{.}}</figcaption>{{end}}</figure>
{{end}}</div>{{end}}
{{range .Tables}}<table><caption>{{.Title}}</caption>{{with .Header}}<thead><tr>{{range .}}<th scope="col">{{.}}</th>{{end}}</tr></thead>{{end}}<tbody>
{{range .Rows}}<tr>{{range .}}<td{{if .Numeric}} class="num"{{end}}>{{.Text}}</td>{{end}}</tr>
{{end}}</tbody></table>{{with .Note}}<p class="tablenote">{{.}}</p>{{end}}
{{end}}</section>
{{end}}<footer>{{with .Significance}}<p>{{.}}</p>{{end}}{{with .Footer}}<p>{{.}}</p>{{end}}<p>Made with rapport: one file, no script, no fonts or images to fetch.</p></footer>
</main>
</body>
</html>
{{define "tile"}}<div class="tile {{.StatusClass}}"><div class="label">{{.Label}}</div><div class="value">{{.Value}}</div>
{{- with .Change}}<div class="change {{$.ChangeClass}}"><span aria-hidden="true">{{$.Arrow}}</span> {{.}}{{with $.ChangeWord}} ({{.}}){{end}}</div>{{end}}
{{- with .Significance}}<div class="sig">{{.}}</div>{{end}}
{{- if .Status}}<div class="status {{.StatusClass}}"><span aria-hidden="true">{{.Symbol}}</span> {{.Status}}</div> <span class="target">{{.Target}}</span>{{end}}
{{- with .Note}}<div class="note">{{.}}</div>{{end}}</div>{{end}}
{{define "svg"}}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{.W}} {{.H}}" role="img" aria-labelledby="{{.ID}}-t {{.ID}}-d"><title id="{{.ID}}-t">{{.Title}}</title><desc id="{{.ID}}-d">{{.Desc}}</desc>
{{- if .Hatch}}<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fbe3d3"></rect><line x1="0" y1="0" x2="0" y2="6" stroke="#D55E00" stroke-width="2.4"></line></pattern></defs>{{end}}
{{- range .Elems}}{{template "elem" .}}{{end}}</svg>{{end}}
{{define "elem"}}
{{- if eq .Tag "line"}}<line x1="{{.X}}" y1="{{.Y}}" x2="{{.X2}}" y2="{{.Y2}}"{{with .Class}} class="{{.}}"{{end}}{{with .Stroke}} stroke="{{.}}"{{end}}{{with .Dash}} stroke-dasharray="{{.}}"{{end}}>{{with .Tip}}<title>{{.}}</title>{{end}}</line>
{{- else if eq .Tag "rect"}}<rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}"{{with .Class}} class="{{.}}"{{end}}{{with .Fill}} fill="{{.}}"{{end}}{{with .Stroke}} stroke="{{.}}"{{end}}{{with .Opacity}} fill-opacity="{{.}}"{{end}}>{{with .Tip}}<title>{{.}}</title>{{end}}</rect>
{{- else if eq .Tag "circle"}}<circle cx="{{.X}}" cy="{{.Y}}" r="{{.R}}"{{with .Class}} class="{{.}}"{{end}}{{with .Fill}} fill="{{.}}"{{end}}{{with .Stroke}} stroke="{{.}}"{{end}}>{{with .Tip}}<title>{{.}}</title>{{end}}</circle>
{{- else if eq .Tag "path"}}<path d="{{.D}}"{{with .Class}} class="{{.}}"{{end}}{{with .Fill}} fill="{{.}}"{{end}}{{with .Stroke}} stroke="{{.}}"{{end}}{{with .Opacity}} fill-opacity="{{.}}"{{end}}>{{with .Tip}}<title>{{.}}</title>{{end}}</path>
{{- else if eq .Tag "text"}}<text x="{{.X}}" y="{{.Y}}"{{with .Anchor}} text-anchor="{{.}}"{{end}}{{with .Class}} class="{{.}}"{{end}}{{with .Fill}} fill="{{.}}"{{end}}{{with .Rotate}} transform="rotate({{.}} {{$.X}} {{$.Y}})"{{end}}>{{.Text}}{{with .Tip}}<title>{{.}}</title>{{end}}</text>
{{- end}}{{end}}
`))
