// In-process facet latency: the same queries through pressdex::Searcher with
// no facet and with facets (default: date, org, topic), interleaved, so the
// difference is what facets cost. Built and run by bench/facets.
//
// Usage: facet-bench --db DB [--set words|band] [--queries N] [--rounds R]
//                    [--seed S] [--band LO,HI] [--facets date,org,topic]
//                    [--write-queries FILE] [--read-queries FILE]
//   words: two-word queries drawn from random releases' own text (the words a
//          user would type; stop words out: document frequency <= 25 %)
//   band:  one-word queries whose document frequency is within LO..HI of the
//          database (default 0.08,0.12: "matches about 10 %")
// Prints one JSON object: per mode the median and p95 (ms), the median
// paired difference, the same from this thread's CPU time, and the median
// number of matches.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/facets.h"
#include "common/language.h"
#include "common/schema.h"
#include "common/search.h"
#include "common/tokenizer.h"

namespace {

using Clock = std::chrono::steady_clock;

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const double pos = p * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(pos);
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

bool Plain(const std::string& w) {
  return w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::string> WordQueries(const Xapian::Database& db, std::size_t n, std::mt19937& rng) {
  const Xapian::Stem stem = pressdex::StemmerFor("en");
  const double max_df = 0.25 * db.get_doccount();
  std::vector<std::string> queries;
  std::uniform_int_distribution<Xapian::docid> pick(1, db.get_lastdocid());
  for (int tries = 0; queries.size() < n && tries < 100000; ++tries) {
    Xapian::Document doc;
    try {
      doc = db.get_document(pick(rng));
    } catch (const Xapian::DocNotFoundError&) {
      continue;
    }
    auto data = pressdex::schema::DecodeDocumentData(doc.get_data());
    if (!data.ok()) continue;
    // The body lives in kTextSlot (older databases: the document data).
    const std::string text = data->text.empty() ? doc.get_value(pressdex::schema::kTextSlot) : data->text;
    std::vector<std::string> words;
    for (const std::string& w : pressdex::Terms(text.substr(0, 4000))) {
      if (!Plain(w)) continue;
      const Xapian::doccount df = db.get_termfreq(stem(w));
      if (df >= 2 && df <= max_df) words.push_back(w);
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    if (words.size() < 2) continue;
    std::shuffle(words.begin(), words.end(), rng);
    queries.push_back(words[0] + " " + words[1]);
  }
  return queries;
}

std::vector<std::string> BandQueries(const Xapian::Database& db, std::size_t n, double lo, double hi,
                                     std::mt19937& rng) {
  const Xapian::Stem stem = pressdex::StemmerFor("en");
  const double docs = db.get_doccount();
  std::vector<std::string> candidates;
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    const std::string term = *it;
    if (!Plain(term)) continue;  // prefixed terms start with a capital
    // The parser stems what it is given: judge the term it will look up.
    const double df = db.get_termfreq(stem(term)) / docs;
    if (df >= lo && df <= hi) candidates.push_back(term);
  }
  std::shuffle(candidates.begin(), candidates.end(), rng);
  if (candidates.size() > n) candidates.resize(n);
  return candidates;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  std::string set = "words";
  std::string facets_arg = "date,org,topic";
  std::string write_queries;
  std::string read_queries;
  std::size_t n = 200;
  int rounds = 3;
  unsigned seed = 1;
  double lo = 0.08, hi = 0.12;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "facet-bench: {} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--db")
      db_path = next();
    else if (a == "--set")
      set = next();
    else if (a == "--queries")
      n = std::stoul(next());
    else if (a == "--rounds")
      rounds = std::stoi(next());
    else if (a == "--seed")
      seed = static_cast<unsigned>(std::stoul(next()));
    else if (a == "--facets")
      facets_arg = next();
    else if (a == "--write-queries")
      write_queries = next();
    else if (a == "--read-queries")
      read_queries = next();
    else if (a == "--band") {
      const std::string v = next();
      lo = std::stod(v.substr(0, v.find(',')));
      hi = std::stod(v.substr(v.find(',') + 1));
    } else {
      fmt::print(stderr, "facet-bench: unknown argument {}\n", a);
      return 2;
    }
  }
  auto searcher = pressdex::Searcher::Open({db_path});
  if (!searcher.ok()) {
    fmt::print(stderr, "facet-bench: {}\n", searcher.status().message());
    return 3;
  }
  const Xapian::Database& db = (*searcher)->database();
  std::mt19937 rng(seed);
  std::vector<std::string> queries;
  if (!read_queries.empty()) {  // the same queries against another layout of the same releases
    std::ifstream in(read_queries);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) queries.push_back(line);
    }
  } else {
    queries = set == "band" ? BandQueries(db, n, lo, hi, rng) : WordQueries(db, n, rng);
  }
  if (queries.empty()) {
    fmt::print(stderr, "facet-bench: no queries for set '{}'\n", set);
    return 1;
  }
  if (!write_queries.empty()) {
    std::ofstream out(write_queries);
    for (const auto& q : queries) out << q << "\n";
  }

  std::vector<pressdex::FacetSpec> facets;
  for (std::size_t start = 0; start < facets_arg.size();) {
    std::size_t comma = facets_arg.find(',', start);
    if (comma == std::string::npos) comma = facets_arg.size();
    auto spec = pressdex::ParseFacetSpec(facets_arg.substr(start, comma - start));
    if (!spec.ok()) {
      fmt::print(stderr, "facet-bench: {}\n", spec.status().message());
      return 2;
    }
    facets.push_back(*spec);
    start = comma + 1;
  }

  // One search, timed: wall-clock ms, and this thread's CPU ms (what the
  // search itself cost, unaffected by other processes on a busy machine).
  struct Time {
    double wall = 0;
    double cpu = 0;
  };
  auto cpu_now = [] {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
  };
  auto run = [&](const std::string& q, bool with_facets, Xapian::doccount* total) {
    pressdex::SearchRequest request;
    request.query = q;
    request.limit = 10;
    if (with_facets) request.facets = facets;
    const double c0 = cpu_now();
    const auto t0 = Clock::now();
    auto response = (*searcher)->Search(request);
    const Time time{std::chrono::duration<double, std::milli>(Clock::now() - t0).count(), cpu_now() - c0};
    if (!response.ok()) {
      fmt::print(stderr, "facet-bench: query '{}': {}\n", q, response.status().message());
      std::exit(1);
    }
    if (total != nullptr) *total = response->total;
    return time;
  };

  std::vector<double> matches;
  for (const auto& q : queries) {  // warm-up: caches as a user who searches twice sees them
    Xapian::doccount total = 0;
    run(q, true, &total);
    run(q, false, nullptr);
    matches.push_back(total);
  }
  std::vector<double> plain, faceted, diff, plain_cpu, faceted_cpu, diff_cpu;
  for (int r = 0; r < rounds; ++r) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      // Alternate which goes first so neither always finds warmer caches.
      const bool facets_first = (i + static_cast<std::size_t>(r)) % 2 == 0;
      Time a, b;
      if (facets_first) {
        b = run(queries[i], true, nullptr);
        a = run(queries[i], false, nullptr);
      } else {
        a = run(queries[i], false, nullptr);
        b = run(queries[i], true, nullptr);
      }
      plain.push_back(a.wall);
      faceted.push_back(b.wall);
      diff.push_back(b.wall - a.wall);
      plain_cpu.push_back(a.cpu);
      faceted_cpu.push_back(b.cpu);
      diff_cpu.push_back(b.cpu - a.cpu);
    }
  }
  fmt::print(
      "{{\"set\": \"{}\", \"queries\": {}, \"rounds\": {}, \"docs\": {}, \"median_matches\": {:.0f}, "
      "\"plain_p50\": {:.3f}, \"plain_p95\": {:.3f}, \"facets_p50\": {:.3f}, \"facets_p95\": {:.3f}, "
      "\"diff_p50\": {:.3f}, \"cpu_plain_p50\": {:.3f}, \"cpu_facets_p50\": {:.3f}, \"cpu_facets_p95\": {:.3f}, "
      "\"cpu_diff_p50\": {:.3f}, \"facets\": \"{}\"}}\n",
      set, queries.size(), rounds, db.get_doccount(), Percentile(matches, 0.5), Percentile(plain, 0.5),
      Percentile(plain, 0.95), Percentile(faceted, 0.5), Percentile(faceted, 0.95), Percentile(diff, 0.5),
      Percentile(plain_cpu, 0.5), Percentile(faceted_cpu, 0.5), Percentile(faceted_cpu, 0.95),
      Percentile(diff_cpu, 0.5), facets_arg);
  return 0;
}
