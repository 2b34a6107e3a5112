#include "common/extract/gazetteer.h"

#include <toml++/toml.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "common/extract/data_files.h"
#include "common/extract/text_util.h"
#include "common/normalize.h"
#include "common/tokenizer.h"

namespace pressdex {

using extract::Word;

namespace {

std::string JoinKeys(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) {
    if (!out.empty()) out.push_back(' ');
    out += k;
  }
  return out;
}

std::string WithoutDots(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c != '.') out.push_back(c);
  }
  return out;
}

// Acronyms that are also common English words: in a line written in
// capitals ("WHO WILL PAY?") they are words, not organisations.
bool IsCommonWord(std::string_view key) {
  static constexpr std::string_view kWords[] = {"who", "it",  "us",  "am",  "an",  "as",  "at",  "be",  "by",  "do",
                                                "go",  "he",  "if",  "in",  "is",  "me",  "my",  "no",  "of",  "on",
                                                "or",  "so",  "to",  "up",  "we",  "aid", "act", "all", "art", "can",
                                                "fed", "ace", "arf", "cat", "dog", "sec", "was", "ms"};
  for (const std::string_view w : kWords) {
    if (key == w) return true;
  }
  return false;
}

// True when the first letter of `raw` has no case: Thai, Lao, Khmer,
// Burmese, Han... Such names cannot wait for a capital. Digits say nothing.
bool StartsCaseless(std::string_view raw) {
  std::size_t i = 0;
  while (i < raw.size()) {
    const auto c = static_cast<UChar32>(extract::NextCodePoint(raw, &i));
    if (u_isalpha(c)) return !u_hasBinaryProperty(c, UCHAR_CASED);
  }
  return false;
}

// A lookup key of by_acronym_ / by_name_key_: the key itself for names that
// apply everywhere, "lang\0key" for those scoped to a language (no key holds
// a NUL, so the two never meet).
std::string ScopedKey(std::string_view lang, std::string_view key) {
  if (lang.empty()) return std::string(key);
  std::string out(lang);
  out.push_back('\0');
  out.append(key);
  return out;
}

// Thai ฯ / Lao ຯ: the abbreviation mark a word may end with ("…ไทยฯ").
bool EndsWithAbbreviationMark(std::string_view s) { return s.ends_with("\xE0\xB8\xAF") || s.ends_with("\xE0\xBA\xAF"); }

}  // namespace

bool IsAcronymLike(std::string_view raw) {
  if (raw.size() < 2 || raw.size() > 12) return false;
  if (!extract::IsAsciiUpper(raw[0])) return false;
  int upper = 0, lower_run = 0;
  for (const char c : raw) {
    if (extract::IsAsciiUpper(c)) {
      ++upper;
      lower_run = 0;
    } else if (extract::IsAsciiLower(c)) {
      if (++lower_run > 2) return false;
    } else if (extract::IsAsciiDigit(c) || c == '&' || c == '-' || c == '.') {
      lower_run = 0;
    } else
      return false;
  }
  return upper >= 2;
}

void Gazetteer::AddPattern(std::string_view surface, std::size_t org, const std::string& lang) {
  const std::vector<Word> words = extract::ScanWords(surface);
  if (words.empty()) return;
  Pattern p;
  p.org = org;
  p.lang = lang;
  has_scoped_ = has_scoped_ || !lang.empty();
  for (const Word& w : words) p.keys.push_back(w.key);
  p.caseless = StartsCaseless(words[0].raw);
  const bool acronym = words.size() == 1 && IsAcronymLike(words[0].raw) && words[0].all_caps;
  if (acronym) p.exact = WithoutDots(words[0].raw);
  if (acronym)
    by_acronym_.emplace(ScopedKey(lang, p.exact), org);
  else
    by_name_key_.emplace(ScopedKey(lang, JoinKeys(p.keys)), org);
  by_first_key_[p.keys.front()].push_back(patterns_.size());
  // (A name of only marks that fold away, "ๆ", has an empty key: nothing to look for.)
  if (p.caseless && p.keys.size() == 1 && !p.keys[0].empty()) inside_.push_back(patterns_.size());
  patterns_.push_back(std::move(p));
}

void Gazetteer::AddOrganisation(const std::string& name, const std::vector<std::string>& aliases,
                                const std::vector<ScopedAlias>& scoped) {
  // Merge into a known organisation when any of the names is already known
  // (its unscoped names: a scoped alias is the one name two organisations may share).
  std::optional<std::size_t> known = Find(name);
  for (std::size_t i = 0; !known && i < aliases.size(); ++i) known = Find(aliases[i]);
  std::size_t index = 0;
  if (known) {
    index = *known;
  } else {
    index = orgs_.size();
    orgs_.push_back(Organisation{name, {}});
    AddPattern(name, index);
  }
  Organisation& org = orgs_[index];
  auto add_alias = [&](const std::string& alias) {
    if (FoldKey(alias) == FoldKey(org.name)) return;
    for (const auto& a : org.aliases) {
      if (a == alias) return;
    }
    org.aliases.push_back(alias);
    AddPattern(alias, index);
  };
  if (known) add_alias(name);
  for (const auto& alias : aliases) add_alias(alias);
  for (const auto& [lang, alias] : scoped) {
    if (std::find(org.aliases.begin(), org.aliases.end(), alias) == org.aliases.end()) org.aliases.push_back(alias);
    AddPattern(alias, index, lang);
  }
}

Status Gazetteer::AddToml(std::string_view toml_text, std::string_view origin) {
  auto parsed = ParseDataToml(toml_text, origin);
  if (!parsed.ok()) return parsed.status();
  toml::table& doc = *parsed;
  const toml::array* list = doc["org"].as_array();
  if (list == nullptr) return Status::InvalidArgument(std::string(origin) + ": no [[org]] tables");
  std::size_t n = 0;
  for (const toml::node& node : *list) {
    ++n;
    const toml::table* t = node.as_table();
    const auto name = t ? (*t)["name"].value<std::string>() : std::nullopt;
    if (!name || extract::TrimView(*name).empty()) {
      return Status::InvalidArgument(std::string(origin) + ": [[org]] number " + std::to_string(n) + " has no name");
    }
    std::vector<std::string> aliases;
    if (const toml::array* a = (*t)["aliases"].as_array()) {
      for (const toml::node& alias : *a) {
        if (auto s = alias.value<std::string>(); s && !extract::TrimView(*s).empty()) {
          aliases.push_back(extract::Trim(*s));
        }
      }
    }
    std::vector<ScopedAlias> scoped;
    if (const toml::node_view in = (*t)["aliases_in"]; in) {
      const toml::table* by_lang = in.as_table();
      if (by_lang == nullptr)
        return Status::InvalidArgument(std::string(origin) + ": [[org]] " + *name +
                                       ": aliases_in must be a table of language = [names]");
      for (const auto& [lang, list] : *by_lang) {
        const toml::array* names = list.as_array();
        if (names == nullptr)
          return Status::InvalidArgument(std::string(origin) + ": [[org]] " + *name + ": aliases_in." +
                                         std::string(lang.str()) + " must be a list of names");
        for (const toml::node& alias : *names) {
          if (auto s = alias.value<std::string>(); s && !extract::TrimView(*s).empty())
            scoped.push_back(ScopedAlias{FoldKey(lang.str()), extract::Trim(*s)});
        }
      }
    }
    AddOrganisation(extract::Trim(*name), aliases, scoped);
  }
  return Status::Ok();
}

Status Gazetteer::AddFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read organisations file " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return AddToml(buf.str(), path);
}

std::optional<std::size_t> Gazetteer::Find(std::string_view name, std::string_view lang) const {
  const std::vector<Word> words = extract::ScanWords(name);
  if (words.empty()) return std::nullopt;
  std::vector<std::string> keys;
  for (const Word& w : words) keys.push_back(w.key);
  const auto find_in = [&](std::string_view scope) -> std::optional<std::size_t> {
    if (words.size() == 1 && words[0].all_caps) {
      if (auto it = by_acronym_.find(ScopedKey(scope, WithoutDots(words[0].raw))); it != by_acronym_.end())
        return it->second;
    }
    if (auto it = by_name_key_.find(ScopedKey(scope, JoinKeys(keys))); it != by_name_key_.end()) return it->second;
    return std::nullopt;
  };
  // The release language's meaning first.
  if (!lang.empty() && has_scoped_) {
    if (auto found = find_in(lang)) return found;
  }
  return find_in({});
}

std::vector<Gazetteer::Hit> Gazetteer::Match(const std::vector<Word>& words, std::string_view lang) const {
  std::vector<Hit> hits;
  for (std::size_t i = 0; i < words.size();) {
    const Word& w = words[i];
    std::size_t best_len = 0, best_org = 0;
    bool best_scoped = false;
    // Names in a cased script start at a capital; the others anywhere.
    // (A word of marks only, "ๆ", folds to an empty key: it names nothing.)
    const bool caseless =
        !w.initial_upper && !w.key.empty() && !extract::IsAsciiAlpha(w.raw[0]) && StartsCaseless(w.raw);
    if (w.initial_upper || caseless) {
      if (auto it = by_first_key_.find(w.key); it != by_first_key_.end()) {
        for (const std::size_t pi : it->second) {
          const Pattern& p = patterns_[pi];
          if (!Applies(p, lang) || i + p.keys.size() > words.size()) continue;
          // Longest first; at the same length the release's language's meaning.
          if (p.keys.size() < best_len || (p.keys.size() == best_len && (best_scoped || p.lang.empty()))) continue;
          if (!w.initial_upper && !p.caseless) continue;
          if (!p.exact.empty()) {
            if (WithoutDots(w.raw) != p.exact) continue;
            if (w.in_caps_line && IsCommonWord(w.key)) continue;
          } else {
            bool ok = true;
            // Names do not run across punctuation ("Bank, Fund").
            for (std::size_t k = 0; k < p.keys.size() && ok; ++k) {
              ok = words[i + k].key == p.keys[k] && (k + 1 == p.keys.size() || !words[i + k].break_after);
            }
            if (!ok) continue;
          }
          best_len = p.keys.size();
          best_org = p.org;
          best_scoped = !p.lang.empty();
        }
      }
    }
    if (best_len > 0) {
      hits.push_back(Hit{best_org, i, best_len, w.begin, false});
      i += best_len;
    } else {
      if (caseless && !inside_.empty()) MatchInside(words, i, lang, hits);
      ++i;
    }
  }
  return hits;
}

void Gazetteer::MatchInside(const std::vector<Word>& words, std::size_t i, std::string_view lang,
                            std::vector<Hit>& hits) const {
  const Word& w = words[i];
  // Most words hold no name: a plain search of the key first.
  std::vector<std::size_t> candidates;
  for (const std::size_t pi : inside_) {
    if (Applies(patterns_[pi], lang) && w.key.find(patterns_[pi].keys[0]) != std::string::npos)
      candidates.push_back(pi);
  }
  if (candidates.empty()) return;

  // Where ICU's words start and end, as offsets into the key, each with its
  // byte offset in the word: a name must start and end at such places, or
  // ธนาคารโลก (World Bank) would match inside a longer word spelt with it.
  struct Cut {
    std::size_t key;
    std::size_t raw;
  };
  std::vector<Cut> cuts{{0, 0}};
  std::size_t key_at = 0;
  ForEachSegment(w.raw, [&](std::size_t begin, std::size_t end, bool is_word) {
    std::string_view piece = w.raw.substr(begin, end - begin);
    if (is_word && piece.size() > 3 && EndsWithAbbreviationMark(piece)) {
      piece.remove_suffix(3);
      key_at += extract::MakeKey(piece).size();
      cuts.push_back(Cut{key_at, begin + piece.size()});
      piece = w.raw.substr(begin + piece.size(), 3);
    }
    key_at += extract::MakeKey(piece).size();
    cuts.push_back(Cut{key_at, end});
  });
  if (key_at != w.key.size()) return;  // the pieces' keys do not add up: no safe offsets
  auto is_cut = [&](std::size_t key) {
    return std::binary_search(cuts.begin(), cuts.end(), Cut{key, 0},
                              [](const Cut& a, const Cut& b) { return a.key < b.key; });
  };

  // Left to right, the longest name at each place, not overlapping.
  for (std::size_t from = 0;;) {
    std::size_t best_at = std::string::npos, best_len = 0, best_org = 0;
    for (const std::size_t pi : candidates) {
      const std::string& key = patterns_[pi].keys[0];
      for (std::size_t at = w.key.find(key, from); at != std::string::npos && at <= best_at;
           at = w.key.find(key, at + 1)) {
        if (!is_cut(at) || !is_cut(at + key.size())) continue;
        if (at < best_at || key.size() > best_len ||
            (key.size() == best_len && !patterns_[pi].lang.empty())) {  // the release language's meaning
          best_at = at;
          best_len = key.size();
          best_org = patterns_[pi].org;
        }
        break;
      }
    }
    if (best_at == std::string::npos || best_len == 0) return;
    // The byte offset of the name: the last cut at its key offset (what
    // folds to nothing, such as a zero-width space, goes before it).
    const auto cut = std::upper_bound(cuts.begin(), cuts.end(), Cut{best_at, 0},
                                      [](const Cut& a, const Cut& b) { return a.key < b.key; });
    hits.push_back(Hit{best_org, i, 1, w.begin + std::prev(cut)->raw, true});
    from = best_at + best_len;
  }
}

}  // namespace pressdex
