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

// The organisation names FindOrganisationNames finds in `text`, as written.
std::vector<std::string> OrgNamesIn(const std::string& text) {
  const auto words = extract::ScanWords(text);
  std::vector<std::string> names;
  for (const auto& s : FindOrganisationNames(words))
    names.push_back(extract::SpanText(text, words, s.first_word, s.word_count));
  return names;
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
  CHECK(OrgNamesIn(text) == std::vector<std::string>{"Finance Ministry", "Ministry of Foreign Affairs",
                                                     "Standard Oil Co", "ASEAN Socio-Cultural Community"});
}

TEST_CASE("org names: a common noun and a head word name a thing, not an organisation", "[extract][orgs]") {
  const std::string text =
      "Ask the Call Center or the One Stop Service at the Data Center. "
      "The Krungthai Call Center and the Government Digital Service and the Service Center of Penang opened.";
  CHECK(OrgNamesIn(text) ==
        std::vector<std::string>{"Krungthai Call Center", "Government Digital Service", "Service Center of Penang"});
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

TEST_CASE("gazetteer: aliases scoped to a language win there and only there", "[extract][orgs]") {
  Gazetteer g;
  REQUIRE(g.AddToml("[[org]]\nname = \"European Community\"\naliases = [\"EEC\", \"Exim Bank\"]\n"
                    "[[org]]\nname = \"Eastern Economic Corridor\"\naliases = [\"Corridor East\"]\n"
                    "aliases_in = { th = [\"EEC\", \"EXIM BANK\"] }\n",
                    "test")
              .ok());
  // A shared scoped name does not merge the two organisations.
  REQUIRE(g.size() == 2);
  REQUIRE(g.Find("EEC"));
  CHECK(g.org(*g.Find("EEC")).name == "European Community");
  CHECK(g.org(*g.Find("EEC", "en")).name == "European Community");
  CHECK(g.org(*g.Find("EEC", "th")).name == "Eastern Economic Corridor");
  CHECK(g.org(*g.Find("Exim Bank", "th")).name == "Eastern Economic Corridor");  // names compare by key
  const auto first = [&](std::string_view text, std::string_view lang) {
    const auto hits = g.Match(extract::ScanWords(text), lang);
    return hits.empty() ? std::string() : g.org(hits.front().org).name;
  };
  CHECK(first("The EEC met.", "en") == "European Community");
  CHECK(first("ขับเคลื่อน EEC รุกพัฒนา", "th") == "Eastern Economic Corridor");
  CHECK(first("ขับเคลื่อน EEC รุกพัฒนา", "") == "European Community");
  // Every name is an alias (org: filters find them all).
  const auto& corridor = g.org(*g.Find("Corridor East"));
  CHECK(std::find(corridor.aliases.begin(), corridor.aliases.end(), "EEC") != corridor.aliases.end());

  Gazetteer bad;
  const Status not_table = bad.AddToml("[[org]]\nname = \"X Org\"\naliases_in = [\"EEC\"]\n", "orgs-user.toml");
  CHECK_FALSE(not_table.ok());
  CHECK(not_table.message().find("orgs-user.toml") != std::string::npos);
  CHECK(not_table.message().find("aliases_in") != std::string::npos);
  CHECK_FALSE(bad.AddToml("[[org]]\nname = \"X Org\"\naliases_in = { th = \"EEC\" }\n", "b").ok());
}

TEST_CASE("orgs: Thai releases read EEC SEC and EXIM as Thailand's", "[extract][orgs]") {
  const std::string text = "นายกรัฐมนตรีขับเคลื่อน EEC และเขตพัฒนาระเบียงเศรษฐกิจภาคใต้ (SEC) โดย EXIM BANK สนับสนุน";
  const auto th = ExtractOrganisations(text, Shipped(), nullptr, "th");
  CHECK(FindOrg(th, "Eastern Economic Corridor"));
  CHECK(FindOrg(th, "Southern Economic Corridor"));
  CHECK(FindOrg(th, "Export-Import Bank of Thailand"));
  CHECK_FALSE(FindOrg(th, "European Community"));
  CHECK_FALSE(FindOrg(th, "U.S. Securities and Exchange Commission"));
  CHECK_FALSE(FindOrg(th, "Export-Import Bank of the United States"));
  // The same names in an English wire story keep their old meanings.
  const auto en = ExtractOrganisations("The EEC and the SEC said the Exim Bank would lend.", Shipped(), nullptr, "en");
  CHECK(FindOrg(en, "European Community"));
  CHECK(FindOrg(en, "U.S. Securities and Exchange Commission"));
  CHECK(FindOrg(en, "Export-Import Bank of the United States"));
}

TEST_CASE("words: a hyphen between Thai and Latin letters ends the word", "[extract][orgs]") {
  const auto keys = [](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& w : extract::ScanWords(text)) out.push_back(std::string(w.raw));
    return out;
  };
  CHECK(keys("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-EXIM BANK") ==
        std::vector<std::string>{"รัฐบาลไทย-ข่าวทำเนียบรัฐบาล", "EXIM", "BANK"});
  CHECK(keys("COVID-19 Co-operation Bộ-Ngành ไทย-จีน") ==
        std::vector<std::string>{"COVID-19", "Co-operation", "Bộ-Ngành", "ไทย-จีน"});
  // So a site's "site-section-headline" line names no glued organisation.
  const auto found = ExtractOrganisations("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-SME D Bank จัดสัมมนา", Shipped(), nullptr, "th");
  for (const auto& f : found) CHECK(f.org.name.find("รัฐบาลไทย-") == std::string::npos);
  CHECK(FindOrg(found, "SME Development Bank of Thailand"));
}

TEST_CASE("orgs: 'New' starts a name mid-sentence, not as a sentence's adjective", "[extract][orgs]") {
  CHECK(OrgNamesIn("The ruling of the New Hampshire Supreme Court stands.") ==
        std::vector<std::string>{"New Hampshire Supreme Court"});
  CHECK(OrgNamesIn("New Development Bank loans grew.") == std::vector<std::string>{"Development Bank"});
}

TEST_CASE("orgs: a headline in title case names no organisation by itself, nor a weekday a committee",
          "[extract][orgs]") {
  // Every word is capitalised there: "Urges" would start the name.
  const auto names = OrgNamesIn(
      "Senator Urges Appropriations Committee To Fund Hospital\n"
      "The senator wrote to the Senate Appropriations Committee on Monday.");
  CHECK(names == std::vector<std::string>{"Senate Appropriations Committee"});
}

TEST_CASE("orgs: institutes, laboratories, hospitals, clinics, libraries, corps and guards are names",
          "[extract][orgs]") {
  using Names = std::vector<std::string>;
  CHECK(OrgNamesIn("Funding for the National Institutes of Health rose.") == Names{"National Institutes of Health"});
  CHECK(OrgNamesIn("Engineers at Los Alamos National Laboratory and the Mayo Clinic agreed.") ==
        Names{"Los Alamos National Laboratory", "Mayo Clinic"});
  CHECK(OrgNamesIn("The Army Corps of Engineers and the U.S. Coast Guard responded.") ==
        Names{"Army Corps of Engineers", "U.S. Coast Guard"});
  CHECK(OrgNamesIn("A copy is kept at the Library of Congress.") == Names{"Library of Congress"});
}

TEST_CASE("orgs: a name goes on to a later head word, but not into a unit named by its complement",
          "[extract][orgs]") {
  using Names = std::vector<std::string>;
  // "Police" and "Guard" are heads; the name ends at the last one.
  CHECK(OrgNamesIn("Officers of the Chicago Police Department made the arrest.") ==
        Names{"Chicago Police Department"});
  CHECK(OrgNamesIn("Agents of the Coast Guard Investigative Service took part.") ==
        Names{"Coast Guard Investigative Service"});
  // An office named by its complement is a unit of its own: two names.
  CHECK(OrgNamesIn("The National Oceanic and Atmospheric Administration Office of Law Enforcement helped.") ==
        Names{"National Oceanic and Atmospheric Administration", "Office of Law Enforcement"});
  // A possessive ends the name it closes.
  CHECK(OrgNamesIn("The Justice Department's Swiss Bank Program ended.") ==
        Names{"Justice Department", "Swiss Bank"});
}
