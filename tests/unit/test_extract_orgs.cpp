#include <catch2/catch.hpp>

#include <algorithm>

#include "common/extract/acronyms.h"
#include "common/extract/data_files.h"
#include "common/extract/gazetteer.h"
#include "common/extract/org_names.h"
#include "common/extract/orgs.h"
#include "common/extract/words.h"
#include "common/normalize.h"

using namespace pressdex;

namespace {

const Gazetteer& Shipped() {
  static const Gazetteer g = [] {
    Gazetteer g;
    auto path = FindDataFile("orgs.toml");
    REQUIRE(path.ok());
    REQUIRE(g.AddFile(*path).ok());
    return g;
  }();
  return g;
}

const Organisation* FindOrg(const std::vector<FoundOrganisation>& found, std::string_view name_or_alias) {
  for (const auto& f : found) {
    if (FoldKey(f.org.name) == FoldKey(name_or_alias)) return &f.org;
    for (const auto& a : f.org.aliases) {
      if (FoldKey(a) == FoldKey(name_or_alias)) return &f.org;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("acronyms: inline definitions, Schwartz-Hearst long forms", "[extract][orgs]") {
  const std::string text =
      "support to ASEAN Secretariat (ASEC) and the ASEAN Socio-Cultural Community (ASCC) under the "
      "ASEAN Comprehensive Recovery Framework (ACRF).";
  const auto words = extract::ScanWords(text);
  const auto defs = FindAcronymDefinitions(text, words);
  REQUIRE(defs.size() == 3);
  CHECK(defs[0].long_form == "ASEAN Secretariat");
  CHECK(defs[0].acronym == "ASEC");
  CHECK(defs[1].long_form == "ASEAN Socio-Cultural Community");
  CHECK(defs[2].long_form == "ASEAN Comprehensive Recovery Framework");
}

TEST_CASE("org names: head words, 'Ministry of', no sentence starts swallowed", "[extract][orgs]") {
  const std::string text =
      "Yesterday Finance Ministry officials met. The Ministry of Foreign Affairs and Standard Oil Co agreed. "
      "Deputy Secretary-General for ASEAN Socio-Cultural Community Kung Phoak spoke.";
  const auto words = extract::ScanWords(text);
  std::vector<std::string> names;
  for (const auto& s : FindOrganisationNames(words))
    names.push_back(extract::SpanText(text, words, s.first_word, s.word_count));
  CHECK(names == std::vector<std::string>{"Finance Ministry", "Ministry of Foreign Affairs", "Standard Oil Co",
                                          "ASEAN Socio-Cultural Community"});
}

TEST_CASE("gazetteer: acronyms match in capitals only, names by key, user files merge", "[extract][orgs]") {
  const Gazetteer& g = Shipped();
  REQUIRE(g.Find("ASEC"));
  CHECK(g.org(*g.Find("ASEC")).name == "ASEAN Secretariat");
  CHECK(g.Find("asean secretariat") == g.Find("ASEC"));
  CHECK_FALSE(g.Find("who"));
  CHECK(g.Find("WHO"));

  Gazetteer user;
  REQUIRE(user.AddToml("[[org]]\nname = \"Pressdex Foundation\"\naliases = [\"PXF\"]\n", "test").ok());
  REQUIRE(user.AddToml("[[org]]\nname = \"PXF\"\naliases = [\"Pressdex Fdn\"]\n", "test2").ok());
  REQUIRE(user.size() == 1);
  CHECK(user.org(0).aliases == std::vector<std::string>{"PXF", "Pressdex Fdn"});
  CHECK_FALSE(user.AddToml("[[org]]\naliases = [\"X\"]\n", "bad").ok());
  CHECK_FALSE(user.AddToml("not toml [", "bad").ok());
  CHECK(user.AddFile("/nonexistent/orgs.toml").code() == Status::Code::kNotFound);
}

TEST_CASE("orgs: one canonical name with every alias", "[extract][orgs]") {
  AliasRegistry registry;
  const std::string text =
      "JAKARTA – The Chinese government reinforced their support to ASEAN Secretariat (ASEC). Staff of ASEC "
      "and the Pressdex Widget Council (PWC) met WHO officials. Who knows?";
  const auto found = ExtractOrganisations(text, Shipped(), &registry);
  const Organisation* asec = FindOrg(found, "ASEC");
  REQUIRE(asec);
  CHECK(asec->name == "ASEAN Secretariat");
  const Organisation* pwc = FindOrg(found, "PWC");
  REQUIRE(pwc);
  CHECK(pwc->name == "Pressdex Widget Council");
  CHECK(FindOrg(found, "World Health Organization"));
  CHECK_FALSE(FindOrg(found, "The Chinese"));
  // Learned across the corpus: a later release that only says "PWC".
  const auto later = ExtractOrganisations("The PWC said so.", Shipped(), &registry);
  REQUIRE(FindOrg(later, "PWC"));
  CHECK(FindOrg(later, "PWC")->name == "Pressdex Widget Council");
  CHECK(ExtractOrganisations("The PWC said so.", Shipped(), nullptr).empty());
}

TEST_CASE("orgs: stated organisations stay exactly as written", "[extract][orgs]") {
  const Organisation o = ResolveStatedOrganisation("Criminal Division", Shipped());
  CHECK(o.name == "Criminal Division");
  const Organisation asec = ResolveStatedOrganisation("ASEAN Secretariat (ASEC)", Shipped());
  CHECK(asec.name == "ASEAN Secretariat (ASEC)");
  CHECK(std::find(asec.aliases.begin(), asec.aliases.end(), "ASEC") != asec.aliases.end());
  CHECK(std::find(asec.aliases.begin(), asec.aliases.end(), "ASEAN Secretariat") != asec.aliases.end());
}

namespace {

// The canonical names Match finds in `text`, in order, with where each starts.
std::vector<std::pair<std::string, std::string>> Matches(const Gazetteer& g, const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;  // name, text from the hit on
  for (const auto& hit : g.Match(extract::ScanWords(text)))
    out.emplace_back(g.org(hit.org).name, text.substr(hit.begin));
  return out;
}

}  // namespace

TEST_CASE("gazetteer: names in caseless scripts match at any word, cased ones at a capital", "[extract][orgs]") {
  const Gazetteer& g = Shipped();
  using M = std::vector<std::pair<std::string, std::string>>;
  // Thai has no capitals: the shipped Thai aliases never matched.
  CHECK(Matches(g, "ธนาคารแห่งประเทศไทย ประกาศอัตราดอกเบี้ย") ==
        M{{"Bank of Thailand", "ธนาคารแห่งประเทศไทย ประกาศอัตราดอกเบี้ย"}});
  CHECK(Matches(g, "วันนี้ องค์การอนามัยโลก แถลงข่าว") == M{{"World Health Organization", "องค์การอนามัยโลก แถลงข่าว"}});
  // Latin script keeps the capital rule.
  CHECK(Matches(g, "The Bank of Thailand said.") == M{{"Bank of Thailand", "Bank of Thailand said."}});
  CHECK(Matches(g, "the bank of thailand said.").empty());
}

TEST_CASE("gazetteer: a caseless name inside unspaced text, at ICU's word breaks", "[extract][orgs]") {
  const Gazetteer& g = Shipped();
  using M = std::vector<std::pair<std::string, std::string>>;
  CHECK(Matches(g, "วันนี้องค์การอนามัยโลกแถลงข่าว") == M{{"World Health Organization", "องค์การอนามัยโลกแถลงข่าว"}});
  // Two in one word, each where it is.
  CHECK(Matches(g, "วันนี้องค์การอนามัยโลกและธนาคารแห่งประเทศไทยร่วมกัน") ==
        M{{"World Health Organization", "องค์การอนามัยโลกและธนาคารแห่งประเทศไทยร่วมกัน"},
          {"Bank of Thailand", "ธนาคารแห่งประเทศไทยร่วมกัน"}});
  // The thaigov title line: the site's name before a hyphen; and with ฯ after it.
  CHECK(Matches(g, "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-นายกฯ") == M{{"Royal Thai Government", "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-นายกฯ"}});
  CHECK(Matches(g, "ของรัฐบาลไทยฯ") == M{{"Royal Thai Government", "รัฐบาลไทยฯ"}});

  // Only where ICU starts and ends a word: ประชาชาติ (nation) is not a
  // word of สหประชาชาติ (United Nations).
  Gazetteer nation;
  REQUIRE(nation.AddToml("[[org]]\nname = \"Nation\"\naliases = [\"ประชาชาติ\"]\n", "test").ok());
  CHECK(Matches(nation, "ข่าวประชาชาติวันนี้") == M{{"Nation", "ประชาชาติวันนี้"}});
  CHECK(Matches(nation, "ข่าวสหประชาชาติวันนี้").empty());

  // A name that folds to nothing is never looked for (it would match everywhere).
  Gazetteer marks;
  REQUIRE(marks.AddToml("[[org]]\nname = \"ๆ\"\n", "test").ok());
  CHECK(Matches(marks, "ดีๆ วันนี้ดีๆ และ ๆ").empty());
}

TEST_CASE("orgs: Thai releases name their organisations", "[extract][orgs]") {
  const auto found =
      ExtractOrganisations("ทดสอบ\n\nวันนี้องค์การอนามัยโลกและธนาคารแห่งประเทศไทยแถลงข่าวร่วมกัน\n", Shipped(), nullptr);
  REQUIRE(found.size() == 2);
  CHECK(found[0].org.name == "World Health Organization");
  CHECK(found[1].org.name == "Bank of Thailand");
  CHECK(found[0].first_offset < found[1].first_offset);
}
