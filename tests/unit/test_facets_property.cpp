// Property: for many random queries over a generated index, the match set
// equals the one computed from the generated releases themselves, and every
// facet's counts equal a brute-force count over the whole match set.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "common/facet_record.h"
#include "common/facets.h"
#include "common/normalize.h"
#include "common/query.h"
#include "common/schema.h"
#include "common/search.h"
#include "test_facets_fixture.h"

using namespace pressdex;

namespace {

// Words the English stemmer leaves alone, so the oracle can match them as is.
const std::vector<std::string> kWords{"alpha", "bravo", "delta", "echo",  "golf",   "hotel", "kilo",   "lima",
                                      "mike",  "oscar", "papa",  "romeo", "sierra", "tango", "victor", "zulu"};
const std::vector<Organisation> kOrgs{{"ASEAN Secretariat", {"ASEC"}},
                                      {"World Health Organization", {"WHO"}},
                                      {"UNICEF", {}},
                                      {"Bộ Y tế", {"Ministry of Health Vietnam"}},
                                      {"Tax Division", {}},
                                      {"Civil Rights Division", {"CRT"}},
                                      {"European Commission", {"EC"}},
                                      {"Red Cross", {"ICRC"}},
                                      {"World Bank", {}},
                                      {"Interpol", {}}};
const std::vector<std::string> kTopics{"health", "economy", "education", "tax", "civil-rights", "trade", "disaster"};
const std::vector<std::string> kLangs{"en", "vi", "th", "id"};
const std::vector<std::string> kPlaces{"", "Jakarta", "Hà Nội", "Bangkok", "Geneva"};
const std::vector<std::string> kSources{"", "VNA", "Reuters", "Bernama"};

using Rng = std::mt19937;

template <typename T>
const T& Pick(Rng& rng, const std::vector<T>& from) {
  return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
}
int Uniform(Rng& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

std::string RandomDate(Rng& rng) {
  if (Uniform(rng, 0, 9) == 0) return "";  // one in ten undated
  // Mostly 2019..2020, a few far out, so every granularity gets exercised.
  const int y = Uniform(rng, 0, 9) == 0 ? Uniform(rng, 2009, 2018) : Uniform(rng, 2019, 2020);
  const int m = Uniform(rng, 1, 12);
  const int d = Uniform(rng, 1, 28);
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

std::vector<Release> Generate(Rng& rng, int n) {
  std::vector<Release> releases;
  for (int i = 0; i < n; ++i) {
    std::vector<Organisation> orgs;
    for (int k = Uniform(rng, 0, 4); k > 0; --k) orgs.push_back(Pick(rng, kOrgs));  // repeats on purpose
    std::vector<std::string> topics;
    for (int k = Uniform(rng, 0, 3); k > 0; --k) topics.push_back(Pick(rng, kTopics));
    std::string text;
    for (int k = Uniform(rng, 3, 12); k > 0; --k) text += Pick(rng, kWords) + " ";
    Release r = test::MakeRelease(fmt::format("r{}", i), RandomDate(rng), orgs, topics, text);
    r.lang = Pick(rng, kLangs);
    r.place = Pick(rng, kPlaces);
    r.source = Pick(rng, kSources);
    if (Uniform(rng, 0, 4) == 0) r.issuer = {};
    releases.push_back(std::move(r));
  }
  return releases;
}

// One random filter, and the oracle's reading of it.
struct Filter {
  std::string text;
  std::string field;  // for OR-grouping
  bool negated = false;
  std::function<bool(const Release&)> test;
};

bool NamesOrg(const Organisation& o, const std::string& name) {
  if (FoldKey(o.name) == FoldKey(name)) return true;
  return std::any_of(o.aliases.begin(), o.aliases.end(), [&](const auto& a) { return FoldKey(a) == FoldKey(name); });
}

std::string RandomCase(Rng& rng, std::string s) {
  if (Uniform(rng, 0, 1) == 0) return s;
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string Quoted(const std::string& v) { return v.find(' ') == std::string::npos ? v : "\"" + v + "\""; }

Filter RandomFilter(Rng& rng) {
  Filter f;
  switch (Uniform(rng, 0, 5)) {
    case 0:
    case 1: {
      const Organisation& o = Pick(rng, kOrgs);
      const std::string name = o.aliases.empty() || Uniform(rng, 0, 1) ? o.name : o.aliases[0];
      f.field = "org";
      f.text = "org:" + Quoted(RandomCase(rng, name));
      f.test = [name](const Release& r) {
        return std::any_of(r.orgs.begin(), r.orgs.end(), [&](const auto& o) { return NamesOrg(o, name); });
      };
      break;
    }
    case 2: {
      const std::string topic = Pick(rng, kTopics);
      f.field = "topic";
      f.text = "topic:" + topic;
      f.test = [topic](const Release& r) {
        return std::find(r.topics.begin(), r.topics.end(), topic) != r.topics.end();
      };
      break;
    }
    case 3: {
      const std::string lang = Pick(rng, kLangs);
      f.field = "lang";
      f.text = "lang:" + lang;
      f.test = [lang](const Release& r) { return r.lang == lang; };
      break;
    }
    case 4: {
      const std::string d = RandomDate(rng);
      if (d.empty()) return RandomFilter(rng);
      const int form = Uniform(rng, 0, 2);
      const std::string prefix = d.substr(0, form == 0 ? 4 : form == 1 ? 7 : 10);
      f.field = "date";
      f.text = "date:" + prefix;
      f.test = [prefix](const Release& r) { return !r.date.empty() && r.date.compare(0, prefix.size(), prefix) == 0; };
      break;
    }
    default: {
      std::string a = RandomDate(rng), b = RandomDate(rng);
      if (a.empty() || b.empty()) return RandomFilter(rng);
      if (a > b) std::swap(a, b);
      const int open = Uniform(rng, 0, 2);  // 0: closed, 1: open start, 2: open end
      if (open == 1) a.clear();
      if (open == 2) b.clear();
      f.field = "date";
      f.text = "date:" + a + ".." + b;
      f.test = [a, b](const Release& r) {
        return !r.date.empty() && (a.empty() || r.date >= a) && (b.empty() || r.date <= b);
      };
      break;
    }
  }
  if (Uniform(rng, 0, 4) == 0) {
    f.negated = true;
    f.text = "-" + f.text;
  }
  return f;
}

// The oracle's match set: every word (AND), OR within a field, AND across
// fields, negations subtracted.
bool Matches(const Release& r, const std::vector<std::string>& words, const std::vector<Filter>& filters) {
  for (const auto& w : words) {
    if ((" " + r.text).find(" " + w + " ") == std::string::npos) return false;
  }
  std::map<std::string, bool> any;
  for (const auto& f : filters) {
    if (f.negated) {
      if (f.test(r)) return false;
      continue;
    }
    any[f.field] = any[f.field] || f.test(r);
  }
  return std::all_of(any.begin(), any.end(), [](const auto& kv) { return kv.second; });
}

std::string DateBucket(const std::string& iso, const std::string& granularity) {
  if (iso.empty()) return "unknown";
  return iso.substr(0, granularity == "year" ? 4 : granularity == "month" ? 7 : 10);
}

using Counts = std::map<std::string, Xapian::doccount>;

void CountDistinct(Counts& counts, std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  for (const auto& v : values)
    if (!v.empty()) ++counts[v];
}

}  // namespace

TEST_CASE("property: facet counts equal a brute-force count over the whole match set", "[facets][property]") {
  const unsigned seed = 20240611;
  INFO("seed " << seed);
  Rng rng(seed);
  const std::vector<Release> releases = Generate(rng, 400);
  // Counted from the facet slots, and from facet records.
  const bool records = GENERATE(false, true);
  INFO("facet records " << records);
  test::ScratchDir dir;
  test::WriteDatabase(dir.path(), releases);
  if (records) {
    Xapian::WritableDatabase writable(dir.path());
    RebuildFacetRecords(writable);
    writable.commit();
  }
  auto opened = Searcher::Open({dir.path()});
  REQUIRE(opened.ok());
  Searcher& searcher = **opened;
  const Xapian::Database& db = searcher.database();
  REQUIRE(HasFacetRecords(db) == records);

  const std::vector<std::string> granularities{"", ":year", ":month", ":day"};
  int nonempty = 0;
  for (int round = 0; round < 150; ++round) {
    std::vector<std::string> words;
    for (int k = Uniform(rng, 0, 2); k > 0; --k) words.push_back(Pick(rng, kWords));
    std::vector<Filter> filters;
    for (int k = Uniform(rng, words.empty() ? 1 : 0, 3); k > 0; --k) filters.push_back(RandomFilter(rng));
    std::string query;
    for (const auto& w : words) query += w + " ";
    for (const auto& f : filters) query += f.text + " ";
    INFO("query: " << query);

    SearchRequest request;
    request.query = query;
    request.limit = static_cast<std::size_t>(Uniform(rng, 1, 5));  // facets must not depend on the page
    request.snippets = false;
    const std::string date_spec = "date" + Pick(rng, granularities);
    for (const std::string& spec :
         {std::string("org:0"), std::string("issuer:0"), std::string("topic:0"), std::string("lang:0"),
          std::string("place:0"), std::string("source:0"), date_spec}) {
      auto parsed = ParseFacetSpec(spec);
      REQUIRE(parsed.ok());
      request.facets.push_back(*parsed);
    }
    auto response = searcher.Search(request);
    REQUIRE(response.ok());

    // The oracle's match set against Xapian's, read in full.
    std::set<std::string> expected;
    for (const auto& r : releases)
      if (Matches(r, words, filters)) expected.insert(r.id);
    Xapian::Enquire enquire(db);
    enquire.set_query(response->understood.query);
    const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
    std::set<std::string> matched;
    std::map<std::string, Counts> brute;
    REQUIRE(response->facets.size() == 7);
    const std::string granularity = response->facets[6].granularity;
    for (auto it = all.begin(); it != all.end(); ++it) {
      auto data = schema::DecodeDocumentData(it.get_document().get_data());
      REQUIRE(data.ok());
      matched.insert(data->id);
      CountDistinct(brute["org"], data->orgs);
      CountDistinct(brute["issuer"], {data->issuer});
      CountDistinct(brute["topic"], data->topics);
      CountDistinct(brute["lang"], {data->lang});
      CountDistinct(brute["place"], {data->place});
      CountDistinct(brute["source"], {data->source});
      ++brute["date"][DateBucket(data->date, granularity)];
    }
    CHECK(matched == expected);
    CHECK(response->total == expected.size());
    if (!expected.empty()) ++nonempty;

    for (const FacetResult& facet : response->facets) {
      const std::string name(FacetFieldName(facet.field));
      INFO("facet " << name << " (" << facet.granularity << ")");
      CHECK(facet.exact);
      CHECK(facet.more == 0);
      Counts got;
      for (const auto& v : facet.values)
        if (v.count > 0) got[v.value] = v.count;
      CHECK(got == brute[name]);
      if (facet.field != FacetField::kDate) {
        CHECK(facet.distinct == brute[name].size());
        CHECK(std::is_sorted(facet.values.begin(), facet.values.end(),
                             [](const auto& a, const auto& b) { return a.count > b.count; }));
      } else {
        REQUIRE_FALSE(facet.values.empty());
        CHECK(facet.values.back().value == "unknown");
      }
    }
  }
  CHECK(nonempty > 50);  // the queries are not vacuous
}
