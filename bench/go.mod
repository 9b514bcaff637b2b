module github.com/rapportkit/rapport/bench

go 1.24.0

replace github.com/rapportkit/rapport => ../

require github.com/rapportkit/rapport v0.0.0-00010101000000-000000000000

require github.com/shopspring/decimal v1.6.0

require (
	golang.org/x/tools v0.30.0 // indirect
	gonum.org/v1/gonum v0.17.0 // indirect
)
