# The two commands of README.md.
.PHONY: run demo test test-faults test-compose

run:   ## start the whole system on this machine; Ctrl-C stops it
	scripts/run

demo:  ## the same, loading demo data on first start
	scripts/run --demo

test:  ## the whole test suite against real RabbitMQ, PostgreSQL, S3 and Chromium; the end-to-end part against two processes of every service and of the gateway
	scripts/test --ignore=tests/e2e
	CHANCERY_REPLICAS=2 scripts/test tests/e2e

test-compose:  ## docker-compose.yml built and run in Docker here (two replicas of each service), tested through its gateway
	scripts/compose-test

test-faults:  ## the fault-injection suite (tests/faults) on a private RabbitMQ node and PostgreSQL
	scripts/test tests/faults -m faults
