// Snippets (common/snippet.h): the passage shown holds the query word and
// marks exactly it, also where the index found it inside a longer word.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <xapian.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/language.h"
#include "common/normalize.h"
#include "common/snippet.h"
#include "common/tokenizer.h"

using pressdex::MakeSnippet;
using pressdex::Snippet;
using pressdex::SnippetRequest;

namespace {

std::vector<std::string> Highlighted(const Snippet& s) {
  std::vector<std::string> words;
  for (const auto& [b, e] : s.highlights) words.push_back(s.text.substr(b, e - b));
  return words;
}

SnippetRequest Wanting(std::vector<std::string> terms, std::string lang = "th") {
  SnippetRequest r;
  r.terms = std::move(terms);
  r.lang = std::move(lang);
  return r;
}

// Thai as releases write it: no spaces between words, a few between phrases.
std::string Filler(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) text += "รัฐบาลได้ประชุมหารือร่วมกับหน่วยงานที่เกี่ยวข้องเพื่อติดตามสถานการณ์ ";
  return text;
}

}  // namespace

TEST_CASE("snippet: a word found inside a compound is shown and marked", "[snippet][asean]") {
  // มหานคร (metropolis) is indexed as a part of กรุงเทพมหานคร (ForEachSubword).
  const std::string text = "ประกาศ\n" + Filler(6) + "ผู้ว่าราชการกรุงเทพมหานครแถลงข่าว " + Filler(6);
  const Snippet s = MakeSnippet(text, Wanting({"มหานคร"}));
  CHECK(s.text.find("กรุงเทพมหานคร") != std::string::npos);
  CHECK(Highlighted(s) == std::vector<std::string>{"มหานคร"});
  CHECK(s.text.rfind("…", 0) == 0);  // not the release's first lines
}

TEST_CASE("snippet: the part's place survives folding that changes lengths", "[snippet][asean]") {
  // NFKC writes ำ as two characters in the folded term; the mark still
  // falls on the part as written.
  const std::string text = "ทำเนียบรัฐบาลกรุงเทพมหานครๆ";
  const Snippet s = MakeSnippet(text, Wanting({"มหานคร"}));
  CHECK(Highlighted(s) == std::vector<std::string>{"มหานคร"});
  // A Chinese character inside a longer word.
  const Snippet zh = MakeSnippet("湄公河委员会发布报告", Wanting({"湄"}, "zh"));
  CHECK(Highlighted(zh) == std::vector<std::string>{"湄"});
}

TEST_CASE("snippet: unspaced text is not cut before the hit", "[snippet][asean]") {
  // As in a thaigov release: a list after "ได้ดังนี้" (as follows), then
  // more than a window of Thai without a space. The window's last space was
  // the line end before the word, and the snippet stopped there, word-less.
  const std::string text = Filler(3) + "แบ่งตามภูมิภาค ได้ดังนี้\n•" +
                           "กรุงเทพมหานครและปริมณฑลจำนวนหนึ่งพันแปดร้อยเตียงอาคารผู้ป่วยในโรงพยาบาลสนามแห่งใหม่"
                           "ของรัฐบาลได้ประชุมหารือร่วมกับหน่วยงานที่เกี่ยวข้องเพื่อติดตามสถานการณ์ " +
                           Filler(4);
  SnippetRequest request = Wanting({"กรุงเทพมหานคร"});
  request.max_bytes = 240;
  const Snippet s = MakeSnippet(text, request);
  CHECK(Highlighted(s) == std::vector<std::string>{"กรุงเทพมหานคร"});
  REQUIRE(s.text.starts_with("…"));
  REQUIRE(s.text.ends_with("…"));
  const std::string ellipsis = "…";
  const std::string body = s.text.substr(ellipsis.size(), s.text.size() - 2 * ellipsis.size());
  CHECK(body.size() <= request.max_bytes);
  // It ends at a word boundary, not inside a word.
  std::string flat = text;
  for (char& c : flat) c = c == '\n' ? ' ' : c;
  const std::size_t at = flat.find(body);
  REQUIRE(at != std::string::npos);
  bool boundary = false;
  pressdex::ForEachSegment(text,
                           [&](std::size_t, std::size_t e, bool) { boundary = boundary || e == at + body.size(); });
  CHECK(boundary);
}

TEST_CASE("snippet: English keeps ending at a space", "[snippet]") {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "The ministers met in the capital to discuss trade. ";
  text += "Flood relief was approved for the northern provinces. ";
  for (int i = 0; i < 20; ++i) text += "The ministers met in the capital to discuss trade. ";
  const Snippet s = MakeSnippet(text, Wanting({"flood"}, "en"));
  CHECK(Highlighted(s) == std::vector<std::string>{"Flood"});
  REQUIRE(s.text.size() > 3);
  const std::string body = s.text.substr(0, s.text.size() - 3);
  CHECK(s.text.ends_with("…"));
  CHECK(body.back() != ' ');
  CHECK(text.find(body.substr(3) + " ") != std::string::npos);  // a space follows where it was cut
}

TEST_CASE("snippet: English words whose stem is not a prefix are still marked", "[snippet]") {
  // Snippets stem only the words that start as a query stem does (the
  // English stemmer keeps first letters): "dying" stems to "die", "skies" to "sky".
  const Snippet s =
      MakeSnippet("Reports of dying fish under grey skies worried the DIE makers.", Wanting({"die", "sky"}, "en"));
  CHECK(Highlighted(s) == std::vector<std::string>{"dying", "skies", "DIE"});
}

TEST_CASE("snippet: the English stemmer keeps the first letter of every word", "[snippet][stem]") {
  // What lets snippets skip stemming most words (StemKeepsFirstByte).
  REQUIRE(pressdex::StemKeepsFirstByte("en"));
  CHECK(pressdex::StemKeepsFirstByte("th"));        // no stemmer: words stay whole
  CHECK_FALSE(pressdex::StemKeepsFirstByte("id"));  // Indonesian strips prefixes: "dimakan" -> "makan"
  std::vector<std::string> words{"dying", "lying",  "tying",   "skies", "skis", "idly", "gently", "ugly", "early",
                                 "only",  "singly", "yelling", "yes",   "y",    "ies",  "sses",   "news", "atlas"};
  // Porter2 drops a leading apostrophe, which terms never have.
  std::vector<std::string> terms;
  pressdex::ForEachToken("'tis", [&](const pressdex::Token& token) { terms.push_back(token.term); });
  CHECK(terms == std::vector<std::string>{"tis"});
  // And every word of corpus/, folded as indexing folds it.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(PRESSDEX_SOURCE_DIR "/corpus")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    pressdex::ForEachToken(text.str(), [&](const pressdex::Token& token) { words.push_back(token.term); });
  }
  REQUIRE(words.size() > 5000);
  const Xapian::Stem english("english");
  std::vector<std::string> changed;
  for (const auto& word : words) {
    const std::string stem = english(word);
    if (!word.empty() && !stem.empty() && stem[0] != word[0]) changed.push_back(word + " -> " + stem);
  }
  CHECK(changed == std::vector<std::string>{});
}

TEST_CASE("snippet: words skipped unfolded are only those that can't match", "[snippet][stem]") {
  // Snippets fold an ASCII word only when its first letter, lower-cased, can
  // start a query stem: folding must never change an ASCII word's first
  // letter or digit otherwise.
  std::vector<std::string> wrong;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(PRESSDEX_SOURCE_DIR "/corpus")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    pressdex::ForEachToken(text.str(), [&](const pressdex::Token& token) {
      const auto first = static_cast<unsigned char>(token.raw[0]);
      if (!pressdex::IsAscii(token.raw) || !std::isalnum(first)) return;
      if (token.term[0] != std::tolower(first)) wrong.push_back(std::string(token.raw) + " -> " + token.term);
    });
  }
  CHECK(wrong.empty());
  // Capitals, acronyms with dots and wildcards are still found.
  SnippetRequest request = Wanting({"us", "price"}, "en");
  request.wildcard_stems = {"grain"};
  const Snippet s = MakeSnippet("The U.S. said Prices rose while Grains fell and the index held.", request);
  CHECK(Highlighted(s) == std::vector<std::string>{"U.S", "Prices", "Grains"});  // the last dot ends a word
}
