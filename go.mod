module github.com/rapportkit/rapport

go 1.24
