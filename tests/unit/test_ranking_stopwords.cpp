// Query stopwords (common/stopwords.h) through the real query path, and the
// ranking weight (common/ranking.h). Their effect on relevance is measured by
// bench/relevance, not here; these pin the behaviour that effect relies on.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <algorithm>

#include "common/document_builder.h"
#include "common/query.h"
#include "common/ranking.h"
#include "common/stopwords.h"

namespace {

Xapian::WritableDatabase Db(const std::vector<std::string>& texts) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& text : texts) {
    pressdex::Release r;
    r.id = std::to_string(db.get_doccount());
    r.path = r.id + ".txt";
    r.title = "t";
    r.text = text;
    r.lang = "en";
    db.add_document(pressdex::BuildDocument(r));
  }
  return db;
}

pressdex::ParsedQuery Parse(const std::string& query, const Xapian::Database& db, bool any = false) {
  pressdex::QueryOptions options;
  options.any = any;
  auto parsed = pressdex::ParseQuery(query, options, db);
  REQUIRE(parsed.ok());
  return *parsed;
}

// Ids (0-based, in rank order) of the matches.
std::vector<int> Ranked(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(pressdex::RankingWeight());
  std::vector<int> ids;
  for (auto it = enquire.get_mset(0, 100).begin(); it != enquire.get_mset(0, 100).end(); ++it)
    ids.push_back(static_cast<int>(*it) - 1);
  return ids;
}

bool Has(const std::vector<std::string>& terms, const std::string& term) {
  return std::find(terms.begin(), terms.end(), term) != terms.end();
}

}  // namespace

TEST_CASE("English query stopwords: function words, not names that fold to them", "[query][stopwords]") {
  const Xapian::Stopper* stop = pressdex::QueryStopperFor("en");
  REQUIRE(stop != nullptr);
  for (const char* word : {"the", "what", "which", "of", "about", "don't"}) CHECK((*stop)(word));
  // WHO, IT, US and the month May are searched for.
  for (const char* word : {"who", "it", "us", "may", "flood", "asean"}) CHECK_FALSE((*stop)(word));
  CHECK(pressdex::QueryStopperFor("th") == nullptr);
  CHECK(pressdex::QueryStopperFor("fr") == nullptr);
}

TEST_CASE("Stopwords leave a natural-language query, stay in phrases", "[query][stopwords]") {
  auto db = Db({"flood relief for the north", "the flood of the century", "drought relief"});
  const auto question = Parse("what is the relief for the flood", db, /*any=*/true);
  CHECK(Has(question.terms, "relief"));
  CHECK(Has(question.terms, "flood"));
  CHECK_FALSE(Has(question.terms, "the"));
  CHECK_FALSE(Has(question.terms, "what"));
  // In a phrase "the" is part of what must match.
  const auto phrase = Parse("\"the flood\"", db);
  CHECK(Has(phrase.terms, "the"));
  CHECK(Ranked(db, phrase.query) == std::vector<int>{1});
  // A query of stopwords alone still searches for them.
  CHECK(Has(Parse("the", db).terms, "the"));
  // All-words mode: "of" is dropped, so a release need not contain it.
  auto matched = Ranked(db, Parse("flood of relief", db).query);
  CHECK(matched == std::vector<int>{0});
}

TEST_CASE("Ranking weight: IneB2 with the chosen normalisation, length-normalised", "[ranking]") {
  CHECK(pressdex::RankingWeight().name() == "Xapian::IneB2Weight");
  CHECK(pressdex::kNormalisationC > 0);
  // One occurrence each: the shorter release is the more focused one.
  auto db = Db({"budget talks and a long tail of other words about many other matters entirely", "budget"});
  CHECK(Ranked(db, Xapian::Query("budget")).front() == 1);
}

TEST_CASE("Ranking weight: a rarer word counts more, a repeated word more but less than twice", "[ranking]") {
  auto db = Db({"flood relief", "flood", "flood", "flood", "relief relief", "relief"});
  // "relief" is in three releases, "flood" in four: the release with both ranks first, then by relief.
  const auto ranked = Ranked(db, Parse("flood relief", db, /*any=*/true).query);
  REQUIRE(ranked.size() == 6);
  CHECK(ranked[0] == 0);
  CHECK(ranked[1] == 4);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("relief"));
  enquire.set_weighting_scheme(pressdex::RankingWeight());
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  double once = 0, twice = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (*it == 5) twice = it.get_weight();
    if (*it == 6) once = it.get_weight();
  }
  CHECK(twice > once);
  CHECK(twice < 2 * once);
}
