// The tokenizer contract the core relies on: the same folding for index and
// query, whatever the typography.
#include <catch2/catch.hpp>

#include "common/tokenizer.h"

using pressdex::Terms;
using V = std::vector<std::string>;

TEST_CASE("accents and case never matter", "[tokenizer]") {
  CHECK(Terms("Việt Nam") == V{"viet", "nam"});
  CHECK(Terms("VIỆT NAM") == Terms("viet nam"));
  CHECK(Terms("Đà Nẵng") == V{"da", "nang"});
  CHECK(Terms("Café Zürich") == V{"cafe", "zurich"});
}

TEST_CASE("curly quotes and apostrophes fold to the straight ones", "[tokenizer]") {
  CHECK(Terms("China’s") == Terms("China's"));
  CHECK(Terms("China’s") == V{"china's"});
  CHECK(Terms("“masks”") == V{"masks"});
  CHECK(Terms("‘quoted’") == V{"quoted"});
}

TEST_CASE("hyphenated words split into their parts", "[tokenizer]") {
  CHECK(Terms("Secretary-General") == V{"secretary", "general"});
  CHECK(Terms("COVID-19") == V{"covid", "19"});
}

TEST_CASE("numbers keep their grouping", "[tokenizer]") {
  CHECK(Terms("20,000 masks") == V{"20,000", "masks"});
  CHECK(Terms("3.5 percent") == V{"3.5", "percent"});
}

TEST_CASE("acronym dots are dropped so U.S. reads as us", "[tokenizer]") { CHECK(Terms("U.S. aid") == V{"us", "aid"}); }

TEST_CASE("mixed scripts in one string", "[tokenizer]") {
  const V terms = Terms("ASEAN อาเซียน Việt Nam 中国");
  REQUIRE(terms.size() >= 5);
  CHECK(terms.front() == "asean");
  CHECK(std::find(terms.begin(), terms.end(), "อาเซียน") != terms.end());
  CHECK(std::find(terms.begin(), terms.end(), "viet") != terms.end());
  CHECK(std::find(terms.begin(), terms.end(), "中国") != terms.end());
}

TEST_CASE("token offsets point at the original text", "[tokenizer]") {
  const std::string text = "Hà Nội, 29/4";
  std::vector<std::string> raws;
  pressdex::ForEachToken(text, [&](const pressdex::Token& t) {
    CHECK(text.substr(t.begin, t.end - t.begin) == t.raw);
    raws.emplace_back(t.raw);
  });
  CHECK(raws.front() == "Hà");
}
