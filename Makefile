# cop: `make run` runs the benchmark report on the bundled casebook; `make test` runs every test
# (`swift format lint`, `swift test`, and the check of the packages that `make dist` makes).
# Both install libgit2-dev first where it is missing (Debian/Ubuntu, non-interactive).

SWIFT ?= swift
# The release number (one place: CopVersion in Sources/Commands/Cop.swift) and the commit a build is made
# from, which `cop --version` prints (`-dirty` when tracked files differ from it).
VERSION := $(shell sed -n 's/^  static let current = "\(.*\)"$$/\1/p' Sources/Commands/Cop.swift)
COMMIT := $(shell git rev-parse --short=12 HEAD 2>/dev/null)$(shell [ -n "$$(git status --porcelain --untracked-files=no 2>/dev/null)" ] && echo -dirty)
PREFIX ?= /usr/local
COP_ARGS ?= benchmark --casebook casebook --group aandachtswijken --total NL-AW40 --reference NL-G18

.PHONY: run test deps browser-deps server-deps python-deps build site lint clean dist dist-check dist-deps install \
  uninstall reference docs-outputs docs docs-api screenshots

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
# The packages' own services are not started (policy-rc.d answers 101 during the install): nothing
# may listen beyond 127.0.0.1, and the tests start their own servers.
server-deps:
	@if [ ! -x /usr/sbin/sshd ] || [ ! -x /usr/sbin/apache2 ] || ! command -v htpasswd >/dev/null 2>&1; then \
	  echo "Installing openssh-server and apache2 with apt-get (for the sync tests' servers)" >&2; \
	  SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  guard=; if [ ! -e /usr/sbin/policy-rc.d ]; then \
	    printf '#!/bin/sh\nexit 101\n' | $$SUDO tee /usr/sbin/policy-rc.d >/dev/null && $$SUDO chmod +x /usr/sbin/policy-rc.d && guard=1; \
	  fi; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    openssh-server openssh-client apache2 apache2-utils </dev/null; \
	  status=$$?; [ -z "$$guard" ] || $$SUDO rm -f /usr/sbin/policy-rc.d; exit $$status; \
	fi

# The plugin guide's example in Python (Examples/PythonPlugin/cop-pace) and its tests (PythonPluginTests,
# PluginGuideTests, the guide's console blocks) need python3; they fail without it.
python-deps:
	@if ! command -v python3 >/dev/null 2>&1; then \
	  echo "Installing python3 with apt-get (for the Python plugin example's tests)" >&2; \
	  SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 </dev/null; \
	fi

build: deps
	Packaging/write-build-info "$(COMMIT)"
	$(SWIFT) build -c release --product cop

run: build
	.build/release/cop validate --casebook casebook
	.build/release/cop $(COP_ARGS)

# The style check, the test suite, then the packages' check (a release build: a few minutes).
test: deps browser-deps server-deps python-deps
	$(MAKE) --no-print-directory lint
	$(SWIFT) test
	$(MAKE) --no-print-directory dist-check

site: build
	.build/release/cop site build --casebook casebook --out .build/site \
	  --total aandachtswijken=NL-AW40 --reference aandachtswijken=NL-G18

lint:
	$(SWIFT) format lint --strict -r Sources Tests Plugins Examples Benchmarks Fuzz Package.swift

clean:
	rm -rf .build .build-dist dist

# Packages that need no Swift toolchain (README "Installing"): dist/cop-VERSION-linux-x86_64.tar.gz
# and dist/cop_VERSION_amd64.deb, a release build with the Swift runtime linked in, man pages and
# shell completions generated from the commands (Packaging/make-dist).
dist: deps dist-deps
	Packaging/make-dist dist "$(VERSION)" "$(COMMIT)"

# Checks the packages: files, no Swift runtime, a .deb that installs and removes (Packaging/check-dist).
dist-check: dist
	Packaging/check-dist "$(VERSION)" "$(COMMIT)"

# dpkg-shlibdeps (dpkg-dev) computes the package's Depends; man-db lets dist-check read a man page;
# the static Foundation's URLSession (`cop import statline --table`) links libcurl.
dist-deps:
	@if ! command -v dpkg-shlibdeps >/dev/null 2>&1 || ! command -v man >/dev/null 2>&1 || \
	  ! dpkg -s libcurl4-openssl-dev >/dev/null 2>&1; then \
	  echo "Installing dpkg-dev, man-db and libcurl4-openssl-dev with apt-get (for make dist)" >&2; \
	  SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dpkg-dev man-db libcurl4-openssl-dev </dev/null; \
	fi

# The same files from source (the build of `make dist`), under PREFIX (default /usr/local; DESTDIR for staging).
install: deps
	Packaging/make-dist install "$(VERSION)" "$(COMMIT)" "$(PREFIX)" "$(DESTDIR)"

# Removes what `make install` installed with the same PREFIX (its list is in share/doc/cop).
uninstall:
	@manifest="$(DESTDIR)$(PREFIX)/share/doc/cop/install-manifest"; \
	if [ ! -f "$$manifest" ]; then echo "cop is not installed under $(PREFIX) (no $$manifest)" >&2; exit 1; fi; \
	while read -r file; do rm -f "$(DESTDIR)$$file"; done <"$$manifest"; \
	rmdir "$(DESTDIR)$(PREFIX)/share/doc/cop" 2>/dev/null || true; \
	echo "Removed cop from $(DESTDIR)$(PREFIX)" >&2

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

# The docs (docs/guide/, docs/reference/). `make reference` regenerates the command reference from the
# built binary's help; `make docs-outputs` runs every `$ cop ...` of the README and docs/ and writes its
# real output into the document, and the plugin guide's Python plugin and protocol messages (the docs
# tests, Tests/copTests/Docs, compare the same); `make docs` does both. Review the diff before committing.
reference: deps
	$(SWIFT) build --product cop
	Packaging/make-reference .build/debug/cop >docs/reference/commands.md

docs-outputs: deps python-deps
	$(SWIFT) build --product cop
	COP_DOCS_WRITE=1 $(SWIFT) test --filter DocsCommandTests
	COP_DOCS_WRITE=1 $(SWIFT) test --filter PluginGuideTests

# The API documentation of the plugin kit, from its doc comments and its DocC catalog
# (Sources/CoPPluginKit/CoPPluginKit.docc: the landing page, the protocol, the tutorial), with
# swift-docc-plugin: .build/plugins/Swift-DocC/outputs/CoPPluginKit.doccarchive. Not part of `make test`.
docs-api: deps
	$(SWIFT) package generate-documentation --target CoPPluginKit

docs: reference docs-outputs

# The screenshots of the docs (docs/screenshots.txt lists them): the site of the bundled casebook built
# and photographed by headless Chromium (Packaging/make-screenshots). Not part of `make test`.
screenshots: deps browser-deps
	$(SWIFT) build --product cop
	Packaging/make-screenshots .build/debug/cop
