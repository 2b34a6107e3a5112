// Normalisation the region's text needs: Zawgyi detection, the accent
// pre-check the indexer relies on, NFKC.
#include <catch2/catch.hpp>

#include "common/normalize.h"

using pressdex::FoldForMatch;
using pressdex::IsLikelyZawgyi;
using pressdex::MayHaveFoldedAccents;

TEST_CASE("Zawgyi-encoded Burmese is recognised", "[normalize][zawgyi]") {
  // "နေကောင်းလား" (how are you) and "မြန်မာနိုင်ငံ" (Myanmar) as typed in Zawgyi:
  // ေ before its consonant, U+1039 as the asat, pre-stacked U+108F.
  CHECK(IsLikelyZawgyi("\u1031\u1014\u1031\u1000\u102C\u1004\u1039\u1038\u101C\u102C\u1038"));
  CHECK(IsLikelyZawgyi("\u103B\u1019\u1014\u1039\u1019\u102C\u108F\u102D\u102F\u1004\u1039\u1004\u1036"));
}

TEST_CASE("Unicode Burmese and other text are not Zawgyi", "[normalize][zawgyi]") {
  CHECK_FALSE(IsLikelyZawgyi("နေကောင်းလား"));
  CHECK_FALSE(IsLikelyZawgyi("မြန်မာနိုင်ငံ ကျန်းမာရေးဝန်ကြီးဌာနက ကာကွယ်ဆေး ထိုးနှံမှု စတင်သည်"));
  CHECK_FALSE(IsLikelyZawgyi("Ministry of Health"));
  CHECK_FALSE(IsLikelyZawgyi("กระทรวงสาธารณสุข"));
  CHECK_FALSE(IsLikelyZawgyi(""));
}

TEST_CASE("the accent pre-check finds every word folding changes", "[normalize]") {
  for (const char* word : {"Việt", "đầu", "Hà", "Nẵng", "ơn", "Zürich", "Ελλάδα", "Вьетнам", "Vie\u0323\u0302t"}) {
    INFO(word);
    CHECK(MayHaveFoldedAccents(word));
  }
  for (const char* word : {"viet", "ASEAN", "กระทรวง", "ក្រសួង", "中国", "2020–21"}) {
    INFO(word);
    CHECK_FALSE(MayHaveFoldedAccents(word));
    CHECK(FoldForMatch(word) == pressdex::FoldKeepAccents(word));
  }
}

TEST_CASE("NFKC folds compatibility forms", "[normalize]") {
  CHECK(FoldForMatch("ＡＳＥＡＮ") == "asean");  // full-width
  CHECK(FoldForMatch("ﬁnance") == "finance");    // ligature
  CHECK(FoldForMatch("ໝ") == FoldForMatch("ຫມ"));
}

TEST_CASE("IsAscii: a byte of 0x80 or more anywhere, in any block of eight, makes it false", "[normalize]") {
  for (std::size_t length = 0; length <= 70; ++length) {
    std::string text(length, 'a');
    CHECK(pressdex::IsAscii(text));
    for (std::size_t at = 0; at < length; ++at) {
      std::string marked = text;
      marked[at] = static_cast<char>(at % 2 ? 0x80 : 0xFF);
      INFO("length " << length << ", byte at " << at);
      CHECK_FALSE(pressdex::IsAscii(marked));
    }
  }
}
