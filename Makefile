# Thin wrapper over CMake (as DuckDB and Neovim do). Every target installs
# what is missing first, so `make demo` and `make test` work on a fresh
# Debian machine.
BUILD      ?= build
BUILD_TYPE ?= Release
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
ifeq ($(CI),true)
  CMAKE_FLAGS += -DPRESSDEX_WERROR=ON
endif
# `make test` also fuzzes every libFuzzer target (fuzz/run, FUZZ_SECONDS each)
# in CI; FUZZ_IN_TEST=1 turns that on anywhere, FUZZ_IN_TEST=0 off.
FUZZ_SECONDS ?= 30
FUZZ_IN_TEST ?= $(if $(filter true,$(CI)),1,0)
DEMO_DB    := $(BUILD)/demo-db
INDEX      := $(BUILD)/indexer/pressdex-index
SEARCH     := $(BUILD)/searcher/pressdex-search

.PHONY: all deps build demo test test-sanitize bench format tidy install clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@rm -rf $(DEMO_DB)
	$(INDEX) --db $(DEMO_DB) corpus/
	@scripts/demo-searches $(SEARCH) $(DEMO_DB)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
ifeq ($(FUZZ_IN_TEST),1)
	@$(MAKE) --no-print-directory fuzz
endif

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer.
test-sanitize:
	$(MAKE) test BUILD=build-asan BUILD_TYPE=Debug FUZZ_IN_TEST=0 CMAKE_FLAGS="$(CMAKE_FLAGS) -DPRESSDEX_SANITIZE=ON"

bench: build
	@scripts/install-deps --bench
	@bench/run-all $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

tidy: build
	clang-tidy -p $(BUILD) $$(git ls-files 'common/*.cpp' 'indexer/*.cpp' 'searcher/*.cpp')

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) build-asan build-fuzz

# libFuzzer targets (clang, ASan + UBSan), each run for FUZZ_SECONDS, JOBS at a time.
.PHONY: fuzz
fuzz:
	@scripts/install-deps --fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_BUILD=build-fuzz JOBS=$(JOBS) fuzz/run
