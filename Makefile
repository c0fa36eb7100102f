# Customer sync: every target creates the virtual environment under .venv if it is missing.
# Under the default configuration (the sandbox) every target that talks to the APIs starts the
# sandbox from state/sandbox/ first, so targets work in any order; `make sandbox-stop` stops it.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RUN    := $(BIN)/python -m pipelines.cli
ARGS   ?=
# who and why, for the stewardship targets (BY defaults to the OS user)
DECIDE  = $(if $(NOTE),--note "$(NOTE)") $(if $(BY),--by "$(BY)")

.DEFAULT_GOAL := help
.PHONY: help demo test sandbox sandbox-stop sandbox-status reseed extract transform plan push sync \
        status sql audit verify doctor docs bench lint clean connect candidates accept reject link unlink \
        resolve retry ignore

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-15s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@# an editable install compiles no bytecode; without it every command compiles the package anew
	$(BIN)/python -m compileall -q pipelines
	@test -f .dlt/secrets.toml || cp .dlt/secrets.toml.example .dlt/secrets.toml
	@touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP) ## start the seeded sandbox and run the whole sync on it
	$(RUN) demo $(ARGS)

# the suite runs on two worker processes per core (pytest-xdist): much of a test's time is spent waiting
# (emulator latency, subprocesses it starts and kills), and every test starts its own emulators on ports
# it binds itself and writes its own state file. On 2 cores: 4 workers 276 s, 2 workers 392 s, one 600+ s
TEST_WORKERS ?= $(shell echo $$((2 * $$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1))))

test: $(STAMP) ## run the test suite (its own emulators on free ports; two workers per core; TEST_WORKERS=0: no workers)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(ARGS)

sandbox: $(STAMP) ## start the three API emulators in the background (persisted under state/sandbox)
	$(BIN)/python -m pipelines.sandbox start

sandbox-stop: $(STAMP) ## stop the emulators (their data stays in state/sandbox)
	$(BIN)/python -m pipelines.sandbox stop

sandbox-status: $(STAMP) ## show whether the emulators run and where
	$(BIN)/python -m pipelines.sandbox status

reseed: $(STAMP) ## throw the sandbox data away and seed it anew (SIZE=200 per system)
	$(BIN)/python -m pipelines.sandbox reseed --size $(or $(SIZE),200)

extract: $(STAMP) ## land Exact, Wave and CustomPMS customers into DuckDB (incremental)
	$(RUN) extract $(ARGS)

transform: $(STAMP) ## run the SQL models (staging, identity, golden, delta)
	$(RUN) transform $(ARGS)

plan: $(STAMP) ## show what push would send, without sending
	$(RUN) plan $(ARGS)

push: $(STAMP) ## send pending outbox operations
	$(RUN) push $(ARGS)

sync: $(STAMP) ## extract, transform, push, then a short summary
	$(RUN) sync $(ARGS)

connect: $(STAMP) ## connect the real systems: OAuth for Exact and Wave, a key check for CustomPMS (SYSTEM=exact|wave|custompms)
	$(RUN) connect $(or $(SYSTEM),all) $(ARGS)

status: $(STAMP) ## last runs, what waits or died, the quarantine; exit 1 only for what is open now
	$(RUN) status $(ARGS)

sql: $(STAMP) ## SQL on the state file: interactive, or Q="select ..."
	$(RUN) sql $(if $(Q),--query "$(Q)") $(ARGS)

audit: $(STAMP) ## run the canned audit queries in sql/audit/ (NAME=<one query> CUSTOMER=<name, email or VAT>)
	$(RUN) audit $(NAME) $(if $(CUSTOMER),--customer "$(CUSTOMER)") $(ARGS)

candidates: $(STAMP) ## fuzzy match candidates, both records side by side (ID=<one>)
	$(RUN) candidates $(ID) $(ARGS)

accept: $(STAMP) ## accept a match candidate: link its records (ID=... NOTE="why")
	$(RUN) accept "$(ID)" $(DECIDE) $(ARGS)

reject: $(STAMP) ## reject a match candidate: its records stay apart (ID=... NOTE="why")
	$(RUN) reject "$(ID)" $(DECIDE) $(ARGS)

link: $(STAMP) ## put record B into record A's cluster (A=system:entity:id B=system:entity:id NOTE="why")
	$(RUN) link "$(A)" "$(B)" $(DECIDE) $(ARGS)

unlink: $(STAMP) ## end a record's link; no rule links it back (RECORD=system:entity:id NOTE="why")
	$(RUN) unlink "$(RECORD)" $(DECIDE) $(ARGS)

resolve: $(STAMP) ## settle a match conflict (ID=... CLUSTER=cl_... or APART=1, NOTE="why")
	$(RUN) resolve "$(ID)" $(if $(CLUSTER),--cluster "$(CLUSTER)") $(if $(APART),--apart) $(DECIDE) $(ARGS)

retry: $(STAMP) ## send a dead operation again, or release a rejected value after a fix (ID=... or ALL=1)
	$(RUN) retry $(ID) $(if $(ALL),--all) $(DECIDE) $(ARGS)

ignore: $(STAMP) ## accept a quarantine row (or a dead operation) as it is (ID=... NOTE="why", required)
	$(RUN) ignore "$(ID)" $(DECIDE) $(ARGS)

verify: $(STAMP) ## reconcile the three systems live against the QA checklist
	$(RUN) verify $(ARGS)

doctor: $(STAMP) ## per system: settings, auth, Exact token age, rate budgets left, blocks; non-zero when not well
	$(RUN) doctor $(ARGS)

docs: $(STAMP) ## write docs/dataflows/*.rst (column lineage) and docs/state.md (the state schema)
	$(RUN) docs $(ARGS)

bench: $(STAMP) ## run every benchmark in bench/ (prints ratios measured side by side)
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

lint: $(STAMP) ## ruff
	$(BIN)/ruff check .

clean: ## remove the virtual environment and run-time state (keeps nothing of the sandbox)
	-$(BIN)/python -m pipelines.sandbox stop 2>/dev/null
	rm -rf $(VENV) state/* .pytest_cache
	touch state/.gitkeep
