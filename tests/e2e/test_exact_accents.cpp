// Vietnamese: folded matching by default, exact accents on request (exact:).
#include <catch2/catch.hpp>

#include "e2e/harness.h"

using namespace pressdex::test;

namespace {
std::string Paths(const std::string& query) {
  return Search({"--db", CorpusDb(), "--format", "paths", "-n", "0", query}).out;
}
}  // namespace

TEST_CASE("exact: matches the word with exactly these accents", "[e2e][languages]") {
  const std::string exact = Paths("exact:Việt");
  CHECK(exact.find("bo-y-te-tiem-vac-xin-covid-19-dau-tien-2021.txt") != std::string::npos);
  // The English release that writes "Viet Nam" matches the folded search but not the exact one.
  const std::string folded = Paths("viet");
  CHECK(folded.find("aha-centre-erat-typhoon-yagi-viet-nam-2024.txt") != std::string::npos);
  CHECK(exact.find("aha-centre-erat-typhoon-yagi-viet-nam-2024.txt") == std::string::npos);
  // Another accent on the same letters is another word.
  const RunResult wrong = Search({"--db", CorpusDb(), "--format", "count", "exact:Viêt"});
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.out == "0\n");
}

TEST_CASE("exact: combines with free text and other filters", "[e2e][languages]") {
  const RunResult r = Search({"--db", CorpusDb(), "--format", "paths", "vaccine OR vắc", "exact:Việt", "lang:vi"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("bo-y-te-tiem-vac-xin-covid-19-dau-tien-2021.txt") != std::string::npos);
}

TEST_CASE("exact: without an accented letter is a clear usage error", "[e2e][languages]") {
  const RunResult r = Search({"--db", CorpusDb(), "exact:viet"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no accented letter") != std::string::npos);
}
