# The two commands of README.md.
.PHONY: run demo test

run:   ## start the whole system on this machine; Ctrl-C stops it
	scripts/run

demo:  ## the same, loading demo data on first start
	scripts/run --demo

test:  ## the whole test suite against real RabbitMQ, PostgreSQL, S3 and Chromium
	scripts/test
