#include "common/extract/taxonomy.h"

#include <unordered_map>

#include <toml++/toml.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <sstream>

#include "common/extract/data_files.h"
#include "common/extract/text_util.h"
#include "common/normalize.h"

namespace pressdex {

namespace {

// Keywords in scripts written without spaces are found as substrings, not as words.
bool HasUnspaced(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (extract::IsUnspaced(extract::NextCodePoint(s, &i))) return true;
  }
  return false;
}

// Words of folded text, split at anything but letters, digits and inner
// apostrophes: sink(word, all_ascii).
template <typename Sink>
void ForEachWord(std::string_view folded, Sink&& sink) {
  std::size_t i = 0;
  while (i < folded.size()) {
    const std::size_t start = i;
    char32_t c = extract::NextCodePoint(folded, &i);
    if (!extract::IsWordChar(c)) continue;
    std::size_t end = i;
    bool ascii = c < 0x80;
    while (end < folded.size()) {
      std::size_t j = end;
      const char32_t d = extract::NextCodePoint(folded, &j);
      if (extract::IsWordChar(d)) {
        end = j;
        ascii = ascii && d < 0x80;
        continue;
      }
      // Hyphenated words count as their parts: "post-COVID" is about COVID.
      if (d == '\'' && j < folded.size()) {
        std::size_t k = j;
        if (extract::IsWordChar(extract::NextCodePoint(folded, &k))) {
          end = j;
          continue;
        }
      }
      break;
    }
    sink(folded.substr(start, end - start), ascii);
    i = end;
  }
}

// A word's stem: ASCII words go through the English Snowball stemmer so
// "vaccines" meets "vaccine" (other languages' words stay as folded).
std::string Stem(std::string_view word, bool ascii) {
  thread_local Xapian::Stem stemmer("english");
  std::string w(word);
  return ascii && w.size() > 3 ? stemmer(w) : w;
}

std::atomic<std::uint64_t> vocabularies{0};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

Status Taxonomy::AddToml(std::string_view toml_text, std::string_view origin) {
  vocabulary_ = ++vocabularies;  // before any change: the word ids cached so far may not hold
  auto parsed = ParseDataToml(toml_text, origin);
  if (!parsed.ok()) return parsed.status();
  toml::table& doc = *parsed;
  const toml::table* topics = doc["topics"].as_table();
  if (topics == nullptr || topics->empty())
    return Status::InvalidArgument(std::string(origin) + ": no [topics.<id>] tables");
  for (const auto& [id_key, node] : *topics) {
    const std::string id(id_key.str());
    const toml::table* t = node.as_table();
    if (t == nullptr) return Status::InvalidArgument(std::string(origin) + ": topics." + id + " is not a table");
    const std::size_t index = topics_.size();
    topics_.push_back(Topic{id, (*t)["name"].value_or(id)});
    const toml::table* kw = (*t)["keywords"].as_table();
    if (kw == nullptr) continue;
    for (const auto& [phrase_key, weight_node] : *kw) {
      const std::optional<double> weight = weight_node.value<double>();
      if (!weight) {
        return Status::InvalidArgument(std::string(origin) + ": topics." + id + ".keywords.\"" +
                                       std::string(phrase_key.str()) + "\" needs a number");
      }
      const std::string folded = FoldKeepAccents(phrase_key.str());
      if (HasUnspaced(folded)) {
        unspaced_.emplace_back(folded, keywords_.size());
        keywords_.push_back(Keyword{{}, index, *weight});
        continue;
      }
      Keyword k{{}, index, *weight};
      ForEachWord(folded, [&](std::string_view word, bool ascii) {
        const auto [it, added] =
            stem_ids_.try_emplace(Stem(word, ascii), static_cast<std::uint32_t>(stem_ids_.size() + 1));
        k.stems.push_back(it->second);
      });
      if (k.stems.empty()) continue;
      if (by_first_stem_.size() <= k.stems.front()) by_first_stem_.resize(k.stems.front() + 1);
      by_first_stem_[k.stems.front()].push_back(keywords_.size());
      keywords_.push_back(std::move(k));
    }
  }
  return Status::Ok();
}

void Taxonomy::WordIds(std::string_view folded, std::vector<std::uint32_t>* out) const {
  // Words repeat, and stemming them was most of the classifier's cost: each
  // thread keeps the ids of the words it saw, for one vocabulary at a time.
  struct Cache {
    std::uint64_t vocabulary = 0;
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> ids;
  };
  thread_local Cache cache;
  if (cache.vocabulary != vocabulary_) {
    cache.ids.clear();
    cache.vocabulary = vocabulary_;
  }
  ForEachWord(folded, [&](std::string_view word, bool ascii) {
    auto it = cache.ids.find(word);
    if (it == cache.ids.end()) {
      if (cache.ids.size() > 100000) cache.ids.clear();
      const auto stem = stem_ids_.find(Stem(word, ascii));
      it = cache.ids.emplace(std::string(word), stem == stem_ids_.end() ? 0 : stem->second).first;
    }
    out->push_back(it->second);
  });
}

Status Taxonomy::AddFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read taxonomy file " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return AddToml(buf.str(), path);
}

std::vector<std::string> Taxonomy::Classify(std::string_view title, std::string_view text,
                                            std::size_t max_topics) const {
  if (topics_.empty()) return {};
  constexpr std::size_t kMaxText = 12000;  // the lead and first pages decide the topic
  std::string_view body = text.substr(0, std::min(text.size(), kMaxText));
  while (!body.empty() && body.size() < text.size() && (static_cast<unsigned char>(text[body.size()]) & 0xC0) == 0x80) {
    body.remove_suffix(1);
  }
  std::vector<double> hits(keywords_.size(), 0.0);
  auto scan = [&](std::string_view part, double factor) {
    const std::string folded = FoldKeepAccents(part);
    std::vector<std::uint32_t> stems;
    WordIds(folded, &stems);
    for (std::size_t i = 0; i < stems.size(); ++i) {
      if (stems[i] == 0 || stems[i] >= by_first_stem_.size()) continue;
      for (const std::size_t ki : by_first_stem_[stems[i]]) {
        const Keyword& k = keywords_[ki];
        if (i + k.stems.size() > stems.size()) continue;
        if (std::equal(k.stems.begin() + 1, k.stems.end(), stems.begin() + static_cast<long>(i) + 1))
          hits[ki] += factor;
      }
    }
    // Unspaced-script keywords can only occur in text that has such script.
    if (!unspaced_.empty() && HasUnspaced(folded)) {
      for (const auto& [needle, ki] : unspaced_) {
        std::size_t at = 0;
        while ((at = folded.find(needle, at)) != std::string::npos) {
          hits[ki] += factor;
          at += needle.size();
        }
      }
    }
    return stems.size();
  };
  scan(title, 2.0);  // a headline word counts double
  const std::size_t words = scan(body, 1.0);

  // Repeats add less and less: a keyword said ten times is not ten topics' worth.
  std::vector<double> score(topics_.size(), 0.0);
  for (std::size_t k = 0; k < keywords_.size(); ++k) {
    if (hits[k] > 0) score[keywords_[k].topic] += keywords_[k].weight * (1.0 + std::log2(hits[k]));
  }
  std::vector<std::size_t> order(topics_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
  // Longer texts mention more things in passing: the bar rises with length.
  const double floor = std::max(4.0, 1.5 * std::sqrt(static_cast<double>(words) / 100.0) * 2.0);
  std::vector<std::string> out;
  const double best = score[order.front()];
  for (const std::size_t t : order) {
    if (out.size() >= max_topics) break;
    if (score[t] < floor || score[t] < 0.4 * best) break;
    out.push_back(topics_[t].id);
  }
  return out;
}

}  // namespace pressdex
