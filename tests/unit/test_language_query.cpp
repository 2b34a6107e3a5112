// Query-side language choice: the query's script, and the per-word stem
// choice against the languages the database holds.
#include <catch2/catch.hpp>

#include <xapian.h>

#include "common/language.h"
#include "tests/unit/scratch_dir.h"

using pressdex::QueryLanguage;
using pressdex::QueryStemmer;

TEST_CASE("a query's script decides its language", "[language]") {
  CHECK(QueryLanguage("วัคซีน", "en") == "th");
  CHECK(QueryLanguage("សុខាភិបាល", "en") == "km");
  CHECK(QueryLanguage("ສາທາລະນະສຸກ", "en") == "lo");
  CHECK(QueryLanguage("ကျန်းမာရေး", "en") == "my");
  CHECK(QueryLanguage("疫苗", "en") == "zh");
  CHECK(QueryLanguage("ワクチン", "en") == "ja");
  CHECK(QueryLanguage("kỳ thi tốt nghiệp", "en") == "vi");
  CHECK(QueryLanguage("Đà Nẵng", "en") == "vi");
  CHECK(QueryLanguage("kesehatan", "id") == "id");
  CHECK(QueryLanguage("vaccines", "en") == "en");
  CHECK(QueryLanguage("café", "fr") == "fr");  // é alone is not Vietnamese
}

TEST_CASE("Malay goes through the Indonesian stemmer", "[language]") {
  CHECK(pressdex::StemmerNameFor("ms") == "indonesian");
  CHECK(pressdex::StemmerNameFor("id") == "indonesian");
  CHECK(pressdex::StemmerNameFor(pressdex::NormaliseLanguageCode("Bahasa Melayu")) == "indonesian");
  CHECK(pressdex::StemmerNameFor("vi") == "none");
  CHECK(pressdex::StemmerNameFor("th") == "none");
}

TEST_CASE("without a database the query language's stemmer is used", "[language]") {
  const Xapian::Stem stem = QueryStemmer(Xapian::Database(), "en");
  CHECK(stem("vaccines") == "vaccin");
  CHECK(QueryStemmer(Xapian::Database(), "id")("kesehatan") == "sehat");
}

TEST_CASE("a word takes the stem the database holds", "[language]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document id_doc;  // an Indonesian release: stemmed in Indonesian
  id_doc.add_boolean_term("Lid");
  id_doc.add_term("sehat");
  id_doc.add_term("vaksin");
  db.add_document(id_doc);
  Xapian::Document en_doc;
  en_doc.add_boolean_term("Len");
  en_doc.add_term("vaccin");
  db.add_document(en_doc);
  Xapian::Document vi_doc;  // Vietnamese: not stemmed
  vi_doc.add_boolean_term("Lvi");
  vi_doc.add_term("ky");
  db.add_document(vi_doc);

  const Xapian::Stem stem = QueryStemmer(db, "en");
  CHECK(stem("kesehatan") == "sehat");  // english would leave "kesehatan"
  CHECK(stem("vaccines") == "vaccin");
  CHECK(stem("ky") == "ky");  // english would give "ki"
  // A word the database has under no stem: the query language's stem.
  CHECK(stem("masks") == "mask");
}

TEST_CASE("stems are counted within their own languages", "[language]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](const char* lang, const char* term) {
    Xapian::Document doc;
    doc.add_boolean_term(std::string("L") + lang);
    doc.add_term(term);
    db.add_document(doc);
  };
  for (int i = 0; i < 3; ++i) add("en", "mission");  // English releases about missions
  add("en", "permiss");
  add("id", "izin");
  REQUIRE(Xapian::Stem("indonesian")("permission") == "mission");
  // "mission" is common, but not in Indonesian releases: not a reading of "permission".
  CHECK(QueryStemmer(db, "en")("permission") == "permiss");
  CHECK(QueryStemmer(db, "id")("permission") == "permiss");

  // One mislabelled English release with an unstemmed Malay word does not
  // outvote the Malay releases.
  add("en", "kesihatan");
  add("ms", "sihat");
  add("ms", "sihat");
  CHECK(QueryStemmer(db, "en")("kesihatan") == "sihat");
}

TEST_CASE("languages after one with a long posting list are found", "[language]") {
  // On disk, "Len" in 3,000 releases spans several posting-list chunks; the
  // languages listed after it must still be found (and cheaply: past the
  // chunks, not through them).
  pressdex::test::ScratchDir dir;
  {
    Xapian::WritableDatabase db(dir.path() + "/db", Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    for (int i = 0; i < 3000; ++i) {
      Xapian::Document doc;
      doc.add_boolean_term("Len");
      doc.add_term("vaccin");
      db.add_document(doc);
    }
    Xapian::Document id_doc;
    id_doc.add_boolean_term("Lid");
    id_doc.add_term("sehat");
    db.add_document(id_doc);
    Xapian::Document vi_doc;
    vi_doc.add_boolean_term("Lvi");
    vi_doc.add_term("ky");
    db.add_document(vi_doc);
    db.commit();
  }
  const Xapian::Database db(dir.path() + "/db");
  const Xapian::Stem stem = QueryStemmer(db, "en");
  CHECK(stem.get_description() == "Xapian::Stem(pressdex: english indonesian none)");
  CHECK(stem("kesehatan") == "sehat");
  CHECK(stem("ky") == "ky");
  CHECK(stem("vaccines") == "vaccin");
}
