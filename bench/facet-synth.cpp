// A synthetic database for facet scaling: N releases written straight through
// BuildDocument (no files, no extraction), with the value slots facets read
// shaped like real press releases: 1-4 organisations from a pool of 2,000
// (a few big, most rare), 0-3 topics of 40, dates over 2000-2024 (5 %
// undated), five languages, and ~40 body words drawn Zipf-like from 5,000
// (so some words match about 10 % of releases). Seeded: the same N and seed
// give the same database. Built and run by bench/facets (--sizes synth-1m).
//
// Usage: facet-synth OUT_DB N [SEED]
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "common/document_builder.h"
#include "common/schema.h"

namespace {

std::string Word(std::size_t i) {
  // Pronounceable, letters only, distinct: consonant-vowel pairs in base 105.
  static const char* kC = "bcdfghjklmnprstvwxz";
  static const char* kV = "aeiou";
  std::string w;
  do {
    const std::size_t k = i % 95;
    w += kC[k % 19];
    w += kV[k / 19];
    i /= 95;
  } while (i > 0);
  return w + "t";
}

class Zipf {
 public:
  Zipf(std::size_t n, double s) : cdf_(n) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) cdf_[i] = sum += 1.0 / std::pow(double(i + 1), s);
    for (auto& c : cdf_) c /= sum;
  }
  std::size_t operator()(std::mt19937_64& rng) {
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: facet-synth OUT_DB N [SEED]\n");
    return 2;
  }
  const std::string out = argv[1];
  const std::size_t n = std::stoul(argv[2]);
  std::mt19937_64 rng(argc > 3 ? std::stoull(argv[3]) : 1);

  std::vector<std::string> words(5000);
  for (std::size_t i = 0; i < words.size(); ++i) words[i] = Word(i);
  std::vector<pressdex::Organisation> orgs(2000);
  for (std::size_t i = 0; i < orgs.size(); ++i)
    orgs[i] = {fmt::format("Organisation {} {}", Word(i + 7000), i), {fmt::format("ORG{}", i)}};
  std::vector<std::string> topics(40);
  for (std::size_t i = 0; i < topics.size(); ++i) topics[i] = "topic-" + Word(i + 9000);
  const std::vector<std::string> langs{"en", "en", "en", "vi", "th", "id", "ms"};
  Zipf word_rank(words.size(), 1.0), org_rank(orgs.size(), 1.1), topic_rank(topics.size(), 0.8);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };

  Xapian::WritableDatabase db(out, Xapian::DB_CREATE_OR_OVERWRITE);
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < n; ++i) {
    pressdex::Release r;
    r.id = fmt::format("synth/{:07d}", i);
    r.path = r.id;
    for (int k = 0; k < 6; ++k) r.title += words[word_rank(rng)] + " ";
    for (int k = uniform(30, 50); k > 0; --k) r.text += words[word_rank(rng)] + " ";
    if (uniform(0, 19) > 0)
      r.date = fmt::format("{:04d}-{:02d}-{:02d}", uniform(2000, 2024), uniform(1, 12), uniform(1, 28));
    r.lang = langs[static_cast<std::size_t>(uniform(0, int(langs.size()) - 1))];
    for (int k = uniform(1, 4); k > 0; --k) r.orgs.push_back(orgs[org_rank(rng)]);
    r.issuer = r.orgs.front();
    for (int k = uniform(0, 3); k > 0; --k) r.topics.push_back(topics[topic_rank(rng)]);
    db.add_document(pressdex::BuildDocument(r));
    if ((i + 1) % 100000 == 0) {
      db.commit();
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      fmt::print(stderr, "facet-synth: {} releases, {:.0f} s\n", i + 1, s);
    }
  }
  db.commit();
  return 0;
}
