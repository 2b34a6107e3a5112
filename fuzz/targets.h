// What each fuzz target does with its input, shared by the libFuzzer entry
// points (fuzz/fuzz_*.cpp) and by the regression unit test that replays every
// saved crash input (tests/unit/test_readers_robust_fuzz.cpp), so a crash,
// once found, is tested in every normal build. Each function runs one input
// and traps (__builtin_trap) when a module breaks a promise it makes.
// Definitions in fuzz/targets.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/readers.h"

namespace pressdex::fuzz {

void Decode(std::string_view bytes);               // the charset decoder
void Read(Format format, std::string_view bytes);  // one reader
void Dates(std::string_view bytes);                // the date parser
void Datelines(std::string_view bytes);            // dateline finding
void Organisations(std::string_view bytes);        // the organisation extractor
void Query(std::string_view bytes);                // the query parser front end
// The whole per-file pipeline: reader (chosen by the first byte), analysis
// with every extractor, document building.
void Analyse(std::string_view bytes);

}  // namespace pressdex::fuzz
