// Spelling words and corrections, synonym keys, the user's synonyms file,
// and how synonyms rewrite a parsed query.
#include <catch2/catch.hpp>

#include "common/query.h"
#include "common/spelling.h"
#include "common/synonyms.h"
#include "common/tokenizer.h"
#include "test_facets_fixture.h"

using namespace pressdex;

namespace {

std::vector<QueryWord> Words(std::string_view query, const Xapian::Database& db) {
  auto parsed = ParseQuery(query, QueryOptions{}, db);
  REQUIRE(parsed.ok());
  return parsed->words;
}

// A database with spellings and the ASEAN Secretariat's names as the indexer writes them.
class Lexicon {
 public:
  Lexicon() {
    Xapian::WritableDatabase db(dir_.path(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& r : {test::MakeRelease("a", "2020-04-29", {}, {}, "ASEAN masks donated to the secretariat"),
                          test::MakeRelease("b", "2020-04-30", {}, {}, "the ASEC received masks")}) {
      db.replace_document(schema::IdTerm(r.id), BuildDocument(r));
    }
    SpellingWords words;
    words.Add(std::vector<std::string>{"asean", "asean", "asean", "masks", "secretariat", "received"});
    words.Flush(db);
    SynonymBatch synonyms;
    synonyms.Add({{"ASEAN Secretariat", "ASEC", "Sekretariat ASEAN"}});
    synonyms.Add({{"ASEC", "ASEAN Secretariat", "Sekretariat ASEAN"}});  // the same group again: written once
    // A lower-case long form is a term an acronym was defined for, not a name.
    synonyms.Add({{"Internal Revenue Service", "IRS", "information-retrieval systems"}});
    synonyms.Add({{"United Nations", "U.N.", "UN"}});
    synonyms.Flush(db);
    db.commit();
    db_ = Xapian::Database(dir_.path());
  }
  const Xapian::Database& db() const { return db_; }

 private:
  test::ScratchDir dir_;
  Xapian::Database db_;
};

std::string Parsed(const Lexicon& lexicon, std::string_view query, const QueryOptions& options = {}) {
  auto parsed = ParseQuery(query, options, lexicon.db());
  REQUIRE(parsed.ok());
  return parsed->query.get_description();
}

}  // namespace

TEST_CASE("spelling words: counted, numbers and single letters skipped", "[spelling]") {
  SpellingWords words;
  words.Add(std::vector<std::string>{"asean", "asean", "2020", "a", "covid19", "việt", std::string(60, 'x')});
  CHECK(words.count("asean") == 2);
  CHECK(words.count("2020") == 0);
  CHECK(words.count("a") == 0);
  CHECK(words.count("covid19") == 0);
  CHECK(words.count("việt") == 1);
  CHECK(words.count(std::string(60, 'x')) == 0);
  SpellingWords more;
  more.Add("asean");
  words.Merge(more);
  CHECK(words.count("asean") == 3);
}

TEST_CASE("a misspelled word is corrected in place, filters and excluded words are not", "[spelling]") {
  const Lexicon lexicon;
  const std::string query = "Ascean  masks";
  CHECK(CorrectSpelling(lexicon.db(), query, Words(query, lexicon.db())) == "asean  masks");
  const std::string filtered = "ascean org:ascean -secretariet";
  CHECK(CorrectSpelling(lexicon.db(), filtered, Words(filtered, lexicon.db())) == "asean org:ascean -secretariet");
  const std::string fine = "asean masks";
  CHECK(CorrectSpelling(lexicon.db(), fine, Words(fine, lexicon.db())).empty());
}

TEST_CASE("synonym keys: acronyms keep their capitals, names fold", "[synonyms]") {
  CHECK(SynonymKey("ASEC") == "ASEC");
  CHECK(SynonymKey("U.N.") == "UN");
  CHECK(SynonymKey("ASEAN Secretariat") == "asean secretariat");
  CHECK(SynonymKey("Sekretariat  ASEAN") == "sekretariat asean");
  CHECK(SynonymKey("Kemenkes") == "kemenkes");
  CHECK(SynonymKey(" - ").empty());
}

TEST_CASE("the synonyms file: groups of two or more terms", "[synonyms]") {
  auto ok = Synonyms::FromToml("[[synonym]]\nterms = [\"COVID-19\", \"coronavirus\", \"SARS-CoV-2\"]\n", "syn.toml");
  REQUIRE(ok.ok());
  const auto alternatives = ok->Alternatives("coronavirus");
  CHECK(alternatives == std::vector<std::string>{"COVID-19", "SARS-CoV-2"});
  CHECK(ok->Alternatives("covid 19").size() == 2);
  CHECK(ok->HasKeyStartingWith("covid"));
  CHECK_FALSE(ok->HasKeyStartingWith("flu"));

  auto lonely = Synonyms::FromToml("[[synonym]]\nterms = [\"flood\"]\n", "syn.toml");
  REQUIRE_FALSE(lonely.ok());
  CHECK(lonely.status().message().find("syn.toml: [[synonym]] number 1") != std::string::npos);
  auto empty = Synonyms::FromToml("# nothing\n", "syn.toml");
  CHECK_FALSE(empty.ok());
  auto broken = Synonyms::FromToml("[[synonym]\nterms = 1", "syn.toml");
  CHECK_FALSE(broken.ok());
  CHECK(Synonyms::Load("/nonexistent/synonyms.toml").status().code() == Status::Code::kNotFound);
  // A folder is no synonyms file, and the message says why rather than "no [[synonym]] tables".
  const auto folder = Synonyms::Load("/tmp");
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.status().message().find("it is a folder") != std::string::npos);
}

TEST_CASE("an acronym in capitals expands to the organisation's other names", "[synonyms]") {
  const Lexicon lexicon;
  const std::string expanded = Parsed(lexicon, "ASEC masks");
  CHECK(expanded.find("SYNONYM") != std::string::npos);
  CHECK(expanded.find("(asean PHRASE 2 secretariat)") != std::string::npos);
  CHECK(expanded.find("(sekretariat PHRASE 2 asean)") != std::string::npos);
  // Lower case is a word, not the acronym (the gazetteer's rule).
  CHECK(Parsed(lexicon, "asec masks").find("SYNONYM") == std::string::npos);
  // An excluded name is excluded under every name, so ASEC and NOT ASEC never share a release.
  const std::string excluded = Parsed(lexicon, "masks -ASEC");
  CHECK(excluded.find("AND_NOT (asec@2 SYNONYM") != std::string::npos);
  CHECK(excluded.find("(asean PHRASE 2 secretariat)") != std::string::npos);
  // Phrases of other words stay as they are.
  CHECK(Parsed(lexicon, "\"ASEC masks\"").find("SYNONYM") == std::string::npos);
}

TEST_CASE("names that fold alike are one alternative", "[synonyms]") {
  const Lexicon lexicon;
  // "U.N." and "UN" both read as the term un: one leaf, not (un SYNONYM un).
  const std::string q = Parsed(lexicon, "united nations");
  CHECK(q.find("un SYNONYM un") == std::string::npos);
  CHECK(q.find(" OR un)") != std::string::npos);
}

TEST_CASE("a name of several words: the words, or another name", "[synonyms]") {
  const Lexicon lexicon;
  const std::string others = "(asec SYNONYM (sekretariat PHRASE 2 asean))";
  // All words required: the name's words, or one of its other names.
  CHECK(
      Parsed(lexicon, "asean secretariat masks").find("(((asean@1 AND secretariat@2) OR " + others + ") AND mask@3)") !=
      std::string::npos);
  // Any word: each keeps its weight, the other names come as one more term.
  QueryOptions any;
  any.any = true;
  CHECK(
      Parsed(lexicon, "asean secretariat masks", any).find("(asean@1 OR secretariat@2 OR " + others + " OR mask@3)") !=
      std::string::npos);
  // A quoted name is one unit: it and its other names score as one term.
  CHECK(Parsed(lexicon, "\"asean secretariat\" masks")
            .find("((asean@1 PHRASE 2 secretariat@2) SYNONYM asec SYNONYM (sekretariat PHRASE 2 asean))") !=
        std::string::npos);
  // The words apart are not the name.
  CHECK(Parsed(lexicon, "asean OR secretariat").find("asec") == std::string::npos);
}

TEST_CASE("the user's synonyms expand too, and explain says what was added", "[synonyms]") {
  const Lexicon lexicon;
  auto user = Synonyms::FromToml("[[synonym]]\nterms = [\"COVID-19\", \"coronavirus\"]\n", "syn.toml");
  REQUIRE(user.ok());
  QueryOptions options;
  options.synonyms = &*user;
  auto parsed = ParseQuery("coronavirus masks", options, lexicon.db());
  REQUIRE(parsed.ok());
  CHECK(parsed->query.get_description().find("(coronavirus@1 SYNONYM (covid PHRASE 2 19))") != std::string::npos);
  REQUIRE(parsed->synonyms.size() == 1);
  CHECK(parsed->synonyms[0] == "coronavirus = COVID-19");
  // The chunk "COVID-19" is a phrase of two words, matched as one key.
  CHECK(Parsed(lexicon, "COVID-19 masks", options).find("SYNONYM coronavirus") != std::string::npos);
}

TEST_CASE("the index keeps organisation names as synonyms, not lower-case terms", "[synonyms]") {
  const Lexicon lexicon;
  auto synonyms_of = [&](const std::string& key) {
    std::vector<std::string> out;
    for (auto it = lexicon.db().synonyms_begin(key); it != lexicon.db().synonyms_end(key); ++it) out.push_back(*it);
    return out;
  };
  CHECK(synonyms_of("ASEC") == std::vector<std::string>{"ASEAN Secretariat", "Sekretariat ASEAN"});
  CHECK(synonyms_of("IRS") == std::vector<std::string>{"Internal Revenue Service"});
  CHECK(synonyms_of("information retrieval systems").empty());
  CHECK(synonyms_of("asean secretariat") == std::vector<std::string>{"ASEC", "Sekretariat ASEAN"});
}

TEST_CASE("a release is evidence only for the names it writes", "[synonyms]") {
  const std::vector<std::string> title = Terms("Automated Information-Retrieval Systems (IRS)");
  const std::vector<std::string> body = Terms("The ASEAN Secretariat (ASEC) said the systems work.");
  const std::vector<Organisation> orgs{
      {"Internal Revenue Service", {"IRS", "Information-Retrieval Systems"}},  // the acronym resolved wrongly
      {"ASEAN Secretariat", {"ASEC", "Sekretariat ASEAN"}},
      {"World Health Organization", {"WHO"}},  // named by neither
  };
  const auto groups = WrittenSynonyms(orgs, title, body);
  REQUIRE(groups.size() == 2);
  CHECK(groups[0] == SynonymGroup{"IRS", "Information-Retrieval Systems"});
  CHECK(groups[1] == SynonymGroup{"ASEAN Secretariat", "ASEC"});
}
