// What the indexer makes of the region's text, searched through the real
// query path (ParseQuery) over an in-memory database: sub-words of compounds,
// the Chinese single-character fallback, phrases through both, and the
// exact-accent terms.
#include <catch2/catch.hpp>

#include <xapian.h>

#include "common/document_builder.h"
#include "common/query.h"
#include "common/schema.h"
#include "common/tokenizer.h"

namespace {

// Ids of the releases of `texts` (id = index) the query matches.
std::vector<int> Matches(const std::vector<std::pair<std::string, std::string>>& releases, const std::string& query,
                         const std::string& lang = "en") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& [text, release_lang] : releases) {
    pressdex::Release r;
    r.id = std::to_string(db.get_doccount());
    r.path = r.id + ".txt";
    r.title = "t";
    r.text = text;
    r.lang = release_lang;
    db.add_document(pressdex::BuildDocument(r));
  }
  pressdex::QueryOptions options;
  options.lang = lang;
  auto parsed = pressdex::ParseQuery(query, options, db);
  REQUIRE(parsed.ok());
  Xapian::Enquire enquire(db);
  enquire.set_query(parsed->query);
  std::vector<int> ids;
  for (const auto& hit : enquire.get_mset(0, 100)) ids.push_back(static_cast<int>(hit) - 1);
  std::sort(ids.begin(), ids.end());
  return ids;
}

using Ids = std::vector<int>;

}  // namespace

TEST_CASE("Khmer: a word found only inside a compound", "[index][asean]") {
  const std::vector<std::pair<std::string, std::string>> docs = {
      {"ក្រសួងសុខាភិបាល បានអំពាវនាវ", "km"},  // the compound only
      {"ក្រសួងការងារ", "km"},              // another ministry
      {"នាវា", "km"},
  };
  CHECK(Matches(docs, "សុខាភិបាល") == Ids{0});
  CHECK(Matches(docs, "ក្រសួងសុខាភិបាល") == Ids{0});
  CHECK(Matches(docs, "ក្រសួង") == Ids{0, 1});
  // Phrases through the compound: part + next word, and the parts in order.
  CHECK(Matches(docs, "\"សុខាភិបាល បាន\"") == Ids{0});
  CHECK(Matches(docs, "\"ក្រសួង សុខាភិបាល\"") == Ids{0});
  CHECK(Matches(docs, "\"សុខាភិបាល ក្រសួង\"").empty());
  // Short words are not split: "នាវ" (inside អំពាវនាវ, "appeal") finds nothing.
  CHECK(Matches(docs, "នាវ").empty());
}

TEST_CASE("Lao: the health ministry's compound holds ສາທາລະນະສຸກ", "[index][asean]") {
  const std::vector<std::pair<std::string, std::string>> docs = {{"ກະຊວງສາທາລະນະສຸກ ເປີດຂະບວນການ", "lo"}};
  CHECK(Matches(docs, "ສາທາລະນະສຸກ") == Ids{0});
  CHECK(Matches(docs, "ກະຊວງ") == Ids{0});
}

TEST_CASE("Thai: a word inside an unspaced sentence, and phrases", "[index][asean]") {
  const std::vector<std::pair<std::string, std::string>> docs = {
      {"กระทรวงสาธารณสุขเริ่มฉีดวัคซีนให้ประชาชนทั่วประเทศ", "th"},
      {"วัคซีนมาถึงแล้ว ฉีดเมื่อไร", "th"},
  };
  CHECK(Matches(docs, "วัคซีน") == Ids{0, 1});
  CHECK(Matches(docs, "\"ฉีดวัคซีน\"") == Ids{0});
  CHECK(Matches(docs, "ฉีดวัคซีน") == Ids{0});  // an unspaced query is a phrase
  CHECK(Matches(docs, "\"วัคซีนฉีด\"").empty());
}

TEST_CASE("Chinese: a two-character word the dictionary lacks", "[index][asean]") {
  const std::vector<std::pair<std::string, std::string>> docs = {
      {"湄公河委员会发布干旱报告", "zh"},  // 湄公 only inside the word 湄公河
      {"国家卫健委发布通知", "zh"},
      {"公告", "zh"},
  };
  CHECK(Matches(docs, "湄公") == Ids{0});  // query reads 湄|公: a phrase of two characters
  CHECK(Matches(docs, "湄公河") == Ids{0});
  CHECK(Matches(docs, "\"委员会 发布\"") == Ids{0});
  CHECK(Matches(docs, "卫健委") == Ids{1});
  CHECK(Matches(docs, "会发") == Ids{0});  // across a word boundary: 委员会|发布
}

TEST_CASE("Vietnamese: accents never matter, exact forms are indexed", "[index][asean]") {
  const std::vector<std::pair<std::string, std::string>> docs = {
      {"Việt Nam tổ chức kỳ thi tốt nghiệp", "vi"},
      {"Viet Nam", "en"},
  };
  CHECK(Matches(docs, "Việt Nam") == Ids{0, 1});
  CHECK(Matches(docs, "viet nam") == Ids{0, 1});
  CHECK(Matches(docs, "VIỆT NAM") == Ids{0, 1});
  CHECK(Matches(docs, "kỳ thi") == Ids{0});
  CHECK(Matches(docs, "ky thi", "en") == Ids{0});  // english would stem "ky" to "ki"

  pressdex::Release r;
  r.id = "v";
  r.text = "Việt Nam";
  r.lang = "vi";
  const Xapian::Document doc = pressdex::BuildDocument(r);
  const std::string exact = std::string(pressdex::schema::kRawPrefix) + "việt";
  auto it = doc.termlist_begin();
  it.skip_to(exact);
  REQUIRE(it != doc.termlist_end());
  CHECK(*it == exact);
  CHECK(pressdex::ExactAccentForms("Việt Nam, kỳ thi") == std::vector<std::string>{"việt", "kỳ"});
  // Unaccented words get no exact-form term.
  it.skip_to(std::string(pressdex::schema::kRawPrefix) + "nam");
  CHECK((it == doc.termlist_end() || *it != std::string(pressdex::schema::kRawPrefix) + "nam"));
}

TEST_CASE("Vietnamese: an exact-accent search filters on the exact forms", "[index][asean]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* text : {"Ông Nam đi học", "Ông Nấm đi học", "Ong nam di hoc"}) {
    pressdex::Release r;
    r.id = text;
    r.text = text;
    r.lang = "vi";
    db.add_document(pressdex::BuildDocument(r));
  }
  // How the query side would do it: the folded query, filtered by the exact
  // forms of its accented words (here "ông"; "nam" has no accent to keep).
  auto folded = pressdex::ParseQuery("\"Ông Nam\"", {}, db);
  REQUIRE(folded.ok());
  std::vector<Xapian::Query> exact;
  for (const auto& form : pressdex::ExactAccentForms("Ông Nam"))
    exact.emplace_back(std::string(pressdex::schema::kRawPrefix) + form);
  const Xapian::Query query(Xapian::Query::OP_FILTER, folded->query,
                            Xapian::Query(Xapian::Query::OP_AND, exact.begin(), exact.end()));
  Xapian::Enquire enquire(db);
  enquire.set_query(folded->query);
  CHECK(enquire.get_mset(0, 10).size() == 3);
  enquire.set_query(query);
  CHECK(enquire.get_mset(0, 10).size() == 2);  // not the unaccented "Ong nam"
}

TEST_CASE("Indonesian and Malay: stemmed, found from an English-default query", "[index][asean]") {
  const std::vector<std::pair<std::string, std::string>> docs = {
      {"Kementerian Kesehatan menerbitkan protokol kesehatan", "id"},
      {"Kerajaan menetapkan gaji minimum baharu", "ms"},
      {"Health ministry guidelines", "en"},
  };
  CHECK(Matches(docs, "kesehatan") == Ids{0});
  CHECK(Matches(docs, "sehat") == Ids{0});
  CHECK(Matches(docs, "kesehatan", "id") == Ids{0});
  CHECK(Matches(docs, "menetapkan", "ms") == Ids{1});
  CHECK(Matches(docs, "ketetapan") == Matches(docs, "tetap"));
  CHECK(Matches(docs, "guideline") == Ids{2});
}
