# cop: `make run` runs the benchmark report on the bundled casebook; `make test` runs every test.
# Both install libgit2-dev first where it is missing (Debian/Ubuntu, non-interactive).

SWIFT ?= swift
COP_ARGS ?= benchmark --casebook casebook --group aandachtswijken --total NL-AW40 --reference NL-G18

.PHONY: run test deps browser-deps server-deps build site lint clean

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

# The tests of `cop sync` against real servers (Tests/copTests/SyncSSHTests.swift, SyncHTTPTests.swift)
# start OpenSSH's sshd and Apache (running git http-backend) on 127.0.0.1; they fail without them.
server-deps:
	@if [ ! -x /usr/sbin/sshd ] || [ ! -x /usr/sbin/apache2 ] || ! command -v htpasswd >/dev/null 2>&1; then \
	  echo "Installing openssh-server and apache2 with apt-get (for the sync tests' servers)" >&2; \
	  SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    openssh-server openssh-client apache2 apache2-utils </dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product cop

run: build
	.build/release/cop validate --casebook casebook
	.build/release/cop $(COP_ARGS)

test: deps browser-deps server-deps
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
# Reliability: fuzzing (README "Fuzzing"); not part of `make test`, which only replays Fuzz/Corpus.
# `make fuzz FUZZ_SECONDS=N` builds the harnesses of Fuzz/Package.swift with libFuzzer and
# AddressSanitizer in their own build folder, then runs each for N seconds on a work corpus seeded
# from Fuzz/Corpus; a crash stops it and leaves the input in .build-fuzz/crashes/.
# `make fuzz-merge` adds the new coverage of the work corpora to Fuzz/Corpus, minimised.
FUZZ_SECONDS ?= 60
# Stop each harness after this many executions instead (-1: no limit; FUZZ_SECONDS=0: no time limit).
FUZZ_RUNS ?= -1
FUZZ_TARGETS ?= front-matter yaml csv plugin-protocol
FUZZ_JOBS ?= 1
FUZZ_SCRATCH := $(CURDIR)/.build-fuzz
FUZZ_BIN := $(FUZZ_SCRATCH)/release
FUZZ_RUN_FLAGS ?= -max_len=4096 -timeout=10 -rss_limit_mb=4096
# The Swift runtime's caches live until exit, which LeakSanitizer reports as leaks; allocation stack
# traces cost more than the parsing itself.
FUZZ_ASAN_OPTIONS ?= detect_leaks=0:malloc_context_size=0

.PHONY: fuzz fuzz-build fuzz-merge

fuzz-build: deps
	cd Fuzz && $(SWIFT) build -c release --scratch-path $(FUZZ_SCRATCH) \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

fuzz: fuzz-build
	@mkdir -p $(FUZZ_SCRATCH)/crashes
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_SCRATCH)/corpus/$$t; \
	  echo "fuzz-$$t: $(FUZZ_SECONDS) s" >&2; \
	  ASAN_OPTIONS=$(FUZZ_ASAN_OPTIONS) $(FUZZ_BIN)/fuzz-$$t $(FUZZ_RUN_FLAGS) -max_total_time=$(FUZZ_SECONDS) -runs=$(FUZZ_RUNS) -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_SCRATCH)/crashes/$$t- $(FUZZ_SCRATCH)/corpus/$$t Fuzz/Corpus/$$t \
	    || exit 1; \
	done

fuzz-merge: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  ASAN_OPTIONS=$(FUZZ_ASAN_OPTIONS) $(FUZZ_BIN)/fuzz-$$t $(FUZZ_RUN_FLAGS) -set_cover_merge=1 Fuzz/Corpus/$$t $(FUZZ_SCRATCH)/corpus/$$t || exit 1; \
	done
