// Topics: a taxonomy of topics with weighted keywords and phrases (TOML; the
// shipped data/taxonomy.toml is the IPTC Media Topics top level), and the
// classifier that gives a release up to three of them, best first.
//
//   [topics.health]
//   name = "Health"
//   [topics.health.keywords]
//   "covid-19" = 3
//   "public health" = 2
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace pressdex {

class Taxonomy {
 public:
  struct Topic {
    std::string id;    // slug: "health"
    std::string name;  // display name: "Health"
  };

  Status AddToml(std::string_view toml, std::string_view origin);
  Status AddFile(const std::string& path);

  const std::vector<Topic>& topics() const { return topics_; }

  // Topic ids for a release, best first: at most `max_topics`, each scoring
  // above an absolute threshold and a share of the best one's score.
  std::vector<std::string> Classify(std::string_view title, std::string_view text, std::size_t max_topics = 3) const;

 private:
  struct Keyword {
    std::vector<std::uint32_t> stems;  // the phrase, word by word, as stem ids (stem_ids_)
    std::size_t topic = 0;
    double weight = 0;
  };
  // The stem ids of the words of folded text, in order; 0 for a word whose
  // stem is in no keyword (it cannot match any).
  void WordIds(std::string_view folded, std::vector<std::uint32_t>* out) const;

  std::vector<Topic> topics_;
  std::vector<Keyword> keywords_;
  std::unordered_map<std::string, std::uint32_t> stem_ids_;    // every keyword stem -> its id, from 1
  std::vector<std::vector<std::size_t>> by_first_stem_;        // stem id -> keywords_ starting with it
  std::vector<std::pair<std::string, std::size_t>> unspaced_;  // Thai etc.: folded text, keyword
  // Names this taxonomy's vocabulary (new at every AddToml) for the
  // per-thread cache of word -> stem id.
  std::uint64_t vocabulary_ = 0;
};

}  // namespace pressdex
