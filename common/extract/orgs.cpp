#include "common/extract/orgs.h"

#include <algorithm>
#include <unordered_map>

#include "common/extract/acronyms.h"
#include "common/extract/org_names.h"
#include "common/extract/text_util.h"
#include "common/extract/words.h"
#include "common/normalize.h"

namespace pressdex {

using extract::Word;

void AliasRegistry::Learn(const std::string& acronym, const std::string& long_form) {
  if (!learning_) return;
  const std::lock_guard<std::mutex> lock(mu_);
  ++by_acronym_[acronym][long_form];
  by_long_key_.emplace(FoldKey(long_form), acronym);
}

std::optional<std::string> AliasRegistry::LongForm(const std::string& acronym) const {
  const std::lock_guard<std::mutex> lock(mu_);
  const auto it = by_acronym_.find(acronym);
  if (it == by_acronym_.end()) return std::nullopt;
  const std::string* best = nullptr;
  int best_count = 0;
  for (const auto& [name, count] : it->second) {  // map order: ties go to the smaller name
    if (count > best_count) {
      best = &name;
      best_count = count;
    }
  }
  return *best;
}

std::vector<AliasDefinition> AliasRegistry::Definitions() const {
  const std::lock_guard<std::mutex> lock(mu_);
  std::vector<AliasDefinition> out;
  for (const auto& [acronym, forms] : by_acronym_) {
    for (const auto& [long_form, count] : forms) out.push_back(AliasDefinition{acronym, long_form, count});
  }
  return out;
}

void AliasRegistry::Replace(const std::vector<AliasDefinition>& definitions) {
  const std::lock_guard<std::mutex> lock(mu_);
  learning_ = false;
  by_acronym_.clear();
  by_long_key_.clear();
  std::map<std::string, std::map<std::string, int>> by_long;  // FoldKey(long form) -> acronym -> count
  for (const AliasDefinition& d : definitions) {
    by_acronym_[d.acronym][d.long_form] += d.count;
    by_long[FoldKey(d.long_form)][d.acronym] += d.count;
  }
  for (const auto& [key, acronyms] : by_long) {
    const std::string* best = nullptr;
    int best_count = 0;
    for (const auto& [acronym, count] : acronyms) {  // map order: ties go to the smaller acronym
      if (count > best_count) {
        best = &acronym;
        best_count = count;
      }
    }
    if (best != nullptr) by_long_key_.emplace(key, *best);
  }
}

std::optional<std::string> AliasRegistry::Acronym(const std::string& long_form) const {
  const std::lock_guard<std::mutex> lock(mu_);
  const auto it = by_long_key_.find(FoldKey(long_form));
  if (it == by_long_key_.end()) return std::nullopt;
  return it->second;
}

namespace {

bool HasHeadWord(const std::vector<Word>& words, std::size_t first, std::size_t count) {
  // Languages that put the head first: "Kementerian Kesehatan", "Bộ Y tế", "Jabatan Meteorologi".
  static constexpr std::string_view kHeadFirst[] = {
      "kementerian", "kementrian", "jabatan", "badan", "lembaga", "majlis", "dewan",
      "suruhanjaya", "direktorat", "pusat",   "bo",    "cuc",     "so",     "uy",
      "tong",        "vien",       "ngan",    "hiep",  "to",      "cong",   "tap"};
  for (const std::string_view h : kHeadFirst) {
    if (words[first].key == h && words[first].initial_upper) return true;
  }
  // The same shape test the head-word finder uses, applied to a long form.
  const auto spans = FindOrganisationNames(std::vector<Word>(words.begin() + first, words.begin() + first + count));
  return !spans.empty();
}

// True if most of the long form's words appear in one of the organisation's names.
bool SharesMostWords(std::string_view long_form, const Organisation& org) {
  std::vector<std::string> known;
  for (const Word& w : extract::ScanWords(org.name)) known.push_back(w.key);
  for (const auto& alias : org.aliases) {
    for (const Word& w : extract::ScanWords(alias)) known.push_back(w.key);
  }
  int total = 0, shared = 0;
  for (const Word& w : extract::ScanWords(long_form)) {
    if (w.key == "the" || w.key == "of" || w.key == "for" || w.key == "and") continue;
    ++total;
    if (std::find(known.begin(), known.end(), w.key) != known.end()) ++shared;
  }
  return total > 0 && 2 * shared > total;
}

class Collector {
 public:
  Collector(const Gazetteer& g) : g_(g) {}

  void Add(const std::string& name, const std::vector<std::string>& aliases, std::size_t offset) {
    const std::string key = FoldKey(name);
    auto it = index_.find(key);
    if (it == index_.end()) {
      // Known under an alias already (an acronym met before its long form)?
      for (const auto& alias : aliases) {
        if (auto a = index_.find(FoldKey(alias)); a != index_.end()) {
          it = a;
          break;
        }
      }
    }
    if (it == index_.end()) {
      it = index_.emplace(key, found_.size()).first;
      found_.push_back(FoundOrganisation{Organisation{name, {}}, offset});
    }
    FoundOrganisation& f = found_[it->second];
    f.first_offset = std::min(f.first_offset, offset);
    for (const auto& alias : aliases) {
      if (FoldKey(alias) == FoldKey(f.org.name)) continue;
      if (std::find(f.org.aliases.begin(), f.org.aliases.end(), alias) != f.org.aliases.end()) continue;
      f.org.aliases.push_back(alias);
      index_.emplace(FoldKey(alias), it->second);
    }
  }

  void AddKnown(std::size_t gaz, std::size_t offset, const std::vector<std::string>& extra = {}) {
    const Organisation& o = g_.org(gaz);
    std::vector<std::string> aliases = o.aliases;
    aliases.insert(aliases.end(), extra.begin(), extra.end());
    Add(o.name, aliases, offset);
  }

  std::vector<FoundOrganisation> Take() {
    std::stable_sort(found_.begin(), found_.end(),
                     [](const auto& a, const auto& b) { return a.first_offset < b.first_offset; });
    return std::move(found_);
  }

 private:
  const Gazetteer& g_;
  std::vector<FoundOrganisation> found_;
  std::unordered_map<std::string, std::size_t> index_;  // FoldKey of name or alias -> found_
};

}  // namespace

void LearnAcronymDefinitions(std::string_view text, const Gazetteer& gazetteer, AliasRegistry* registry) {
  if (registry == nullptr || text.find('(') == std::string_view::npos) return;
  const std::vector<Word> words = extract::ScanWords(text);
  for (const AcronymDefinition& def : FindAcronymDefinitions(text, words)) {
    if (gazetteer.Find(def.long_form)) continue;  // known: nothing to learn
    const auto by_acronym = gazetteer.Find(def.acronym);
    if (by_acronym && SharesMostWords(def.long_form, gazetteer.org(*by_acronym))) continue;
    if (HasHeadWord(words, def.first_word, def.word_count) || by_acronym) registry->Learn(def.acronym, def.long_form);
  }
}

std::vector<FoundOrganisation> ExtractOrganisations(std::string_view text, const Gazetteer& gazetteer,
                                                    AliasRegistry* registry, std::string_view lang) {
  const std::vector<Word> words = extract::ScanWords(text);
  Collector out(gazetteer);
  std::vector<char> covered(words.size(), 0);
  auto cover = [&](std::size_t first, std::size_t count) {
    for (std::size_t k = first; k < first + count && k < covered.size(); ++k) covered[k] = 1;
  };

  // 1. Inline definitions: "Full Name (ACR)". The release's own definition
  // wins over the gazetteer's meaning of the acronym.
  std::unordered_map<std::string, std::string> local;  // acronym -> long form
  for (const AcronymDefinition& def : FindAcronymDefinitions(text, words)) {
    const std::size_t offset = words[def.first_word].begin;
    if (auto known = gazetteer.Find(def.long_form, lang)) {
      out.AddKnown(*known, offset, {def.acronym});
    } else if (auto by_acronym = gazetteer.Find(def.acronym, lang);
               by_acronym && SharesMostWords(def.long_form, gazetteer.org(*by_acronym))) {
      // "Senior Officials' Committee for the ASCC (SOCA)": the gazetteer's SOCA, written differently.
      out.AddKnown(*by_acronym, offset, {def.long_form});
    } else if (HasHeadWord(words, def.first_word, def.word_count) || by_acronym) {
      out.Add(def.long_form, {def.acronym}, offset);
      if (registry != nullptr) registry->Learn(def.acronym, def.long_form);
    } else {
      continue;  // "Comprehensive Recovery Framework (ACRF)": a defined term, not an organisation
    }
    local.emplace(def.acronym, def.long_form);
    cover(def.first_word, def.word_count);
    cover(def.acronym_word, 1);
  }

  // 2. Gazetteer mentions and head-word names; where they overlap the longer wins.
  struct Span {
    std::size_t first, count;
    std::optional<std::size_t> gaz;
  };
  std::vector<Span> spans;
  std::vector<Gazetteer::Hit> inside;  // names inside one long unspaced word (Thai...), several to a word
  for (const auto& hit : gazetteer.Match(words, lang)) {
    if (hit.inside_word)
      inside.push_back(hit);
    else
      spans.push_back(Span{hit.first_word, hit.word_count, hit.org});
  }
  for (const auto& name : FindOrganisationNames(words))
    spans.push_back(Span{name.first_word, name.word_count, std::nullopt});
  std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.gaz.has_value() && !b.gaz.has_value();
  });
  std::vector<Span> chosen;
  for (const Span& s : spans) {
    bool free = true;
    for (std::size_t k = s.first; k < s.first + s.count && free; ++k) free = !covered[k];
    if (!free) continue;
    cover(s.first, s.count);
    chosen.push_back(s);
  }
  for (const Span& s : chosen) {
    const std::size_t offset = words[s.first].begin;
    const std::string surface = extract::SpanText(text, words, s.first, s.count);
    if (s.count == 1 && words[s.first].all_caps) {
      if (auto it = local.find(surface); it != local.end()) {
        out.Add(it->second, {surface}, offset);
        continue;
      }
    }
    std::optional<std::size_t> gaz = s.gaz;
    if (!gaz) gaz = gazetteer.Find(surface, lang);
    if (gaz) {
      out.AddKnown(*gaz, offset);
      continue;
    }
    std::vector<std::string> aliases;
    if (registry != nullptr) {
      if (auto acr = registry->Acronym(surface)) aliases.push_back(*acr);
    }
    out.Add(surface, aliases, offset);
  }
  // The word is theirs unless something above took it whole.
  for (const auto& hit : inside) {
    if (!covered[hit.first_word]) out.AddKnown(hit.org, hit.begin);
  }
  for (const auto& hit : inside) cover(hit.first_word, 1);

  // 3. Bare acronyms nothing above explained: this release's definitions,
  // then what other releases defined.
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (covered[i] || !words[i].all_caps || !IsAcronymLike(words[i].raw)) continue;
    const std::string acr(words[i].raw);
    if (auto it = local.find(acr); it != local.end()) {
      out.Add(it->second, {acr}, words[i].begin);
    } else if (registry != nullptr && !words[i].in_caps_line) {
      if (auto long_form = registry->LongForm(acr)) out.Add(*long_form, {acr}, words[i].begin);
    }
  }
  return out.Take();
}

Organisation ResolveStatedOrganisation(std::string_view name, const Gazetteer& gazetteer, std::string_view lang) {
  Organisation org{extract::Trim(name), {}};
  // "National Security Division (NSD)": kept as written, and known by the
  // name and the acronym apart too.
  std::string lookup = org.name;
  if (const auto open = org.name.rfind(" ("); open != std::string::npos && org.name.back() == ')') {
    const std::string inner = org.name.substr(open + 2, org.name.size() - open - 3);
    if (IsAcronymLike(inner)) {
      lookup = org.name.substr(0, open);
      org.aliases.push_back(lookup);
      org.aliases.push_back(inner);
    }
  }
  if (auto known = gazetteer.Find(lookup, lang)) {
    const Organisation& g = gazetteer.org(*known);
    auto add = [&](const std::string& n) {
      if (FoldKey(n) == FoldKey(org.name)) return;
      if (std::find(org.aliases.begin(), org.aliases.end(), n) == org.aliases.end()) org.aliases.push_back(n);
    };
    add(g.name);
    for (const auto& alias : g.aliases) add(alias);
  }
  return org;
}

}  // namespace pressdex
