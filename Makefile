# cop: `make run` runs the benchmark report on the bundled casebook; `make test` runs every test.
# Both install libgit2-dev first where it is missing (Debian/Ubuntu, non-interactive).

SWIFT ?= swift
COP_ARGS ?= benchmark --casebook casebook --group aandachtswijken --total NL-AW40 --reference NL-G18

.PHONY: run test deps browser-deps build site lint clean

deps:
	@if ! dpkg -s libgit2-dev >/dev/null 2>&1 || ! command -v pkg-config >/dev/null 2>&1; then \
	  echo "Installing libgit2-dev and pkg-config with apt-get" >&2; \
	  SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libgit2-dev pkg-config git </dev/null; \
	fi

# The browser test of the web site (Tests/copTests/BrowserTests.swift) needs Chromium and chromedriver.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing chromium and chromium-driver with apt-get (for the site's browser test)" >&2; \
	    SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver </dev/null; \
	  else \
	    echo "note: no chromium/chromedriver; the site's browser test is skipped" >&2; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release --product cop

run: build
	.build/release/cop validate --casebook casebook
	.build/release/cop $(COP_ARGS)

test: deps browser-deps
	$(SWIFT) test

site: build
	.build/release/cop site build --casebook casebook --out .build/site \
	  --total aandachtswijken=NL-AW40 --reference aandachtswijken=NL-G18

lint:
	$(SWIFT) format lint -r Sources Tests Package.swift

clean:
	rm -rf .build

# Performance: the benchmark harness against DuckDB and pandas (Benchmarks/README.md);
# e.g. `make bench BENCH_ARGS="--scales small,city"`.
.PHONY: bench
bench: deps
	Benchmarks/run $(BENCH_ARGS)
