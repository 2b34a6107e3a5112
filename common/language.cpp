#include "common/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "common/commit_race.h"
#include "common/normalize.h"
#include "common/schema.h"

namespace pressdex {
namespace {

struct Lang {
  std::string_view code;
  std::string_view name;
  std::string_view stemmer;
};

// Languages Snowball stems, plus the region's languages it does not.
constexpr std::array kLanguages = {
    Lang{"en", "english", "english"},
    Lang{"id", "indonesian", "indonesian"},
    Lang{"ms", "malay", "indonesian"},
    Lang{"vi", "vietnamese", "none"},
    Lang{"th", "thai", "none"},
    Lang{"km", "khmer", "none"},
    Lang{"lo", "lao", "none"},
    Lang{"my", "burmese", "none"},
    Lang{"zh", "chinese", "none"},
    Lang{"ja", "japanese", "none"},
    Lang{"ko", "korean", "none"},
    Lang{"tl", "tagalog", "none"},
    Lang{"fr", "french", "french"},
    Lang{"de", "german", "german"},
    Lang{"es", "spanish", "spanish"},
    Lang{"pt", "portuguese", "portuguese"},
    Lang{"it", "italian", "italian"},
    Lang{"nl", "dutch", "dutch"},
    Lang{"sv", "swedish", "swedish"},
    Lang{"da", "danish", "danish"},
    Lang{"no", "norwegian", "norwegian"},
    Lang{"nb", "norwegian", "norwegian"},
    Lang{"fi", "finnish", "finnish"},
    Lang{"ru", "russian", "russian"},
    Lang{"ar", "arabic", "arabic"},
    Lang{"tr", "turkish", "turkish"},
    Lang{"hu", "hungarian", "hungarian"},
    Lang{"ro", "romanian", "romanian"},
    Lang{"ga", "irish", "irish"},
    Lang{"el", "greek", "greek"},
    Lang{"hi", "hindi", "none"},
    Lang{"ta", "tamil", "tamil"},
    Lang{"ne", "nepali", "nepali"},
    Lang{"lt", "lithuanian", "lithuanian"},
    Lang{"hy", "armenian", "armenian"},
    Lang{"eu", "basque", "basque"},
    Lang{"ca", "catalan", "catalan"},
};

// A stemmer and the language terms ("Lid", "Lms") of the documents it stemmed.
struct StemmerGroup {
  Xapian::Stem stem;
  std::vector<std::string> lang_terms;
  Xapian::doccount documents = 0;  // the lang terms' frequencies summed: no count in the group exceeds it
};

// Stems a word with every stemmer the database's languages use and keeps the
// stem that most documents *of that stemmer's languages* hold; the query
// language's stem wins ties and is the default. Counting within the
// language matters: the Indonesian stemmer reads English "permission" as
// per- + "mission", a word English releases hold often, while Indonesian
// ones do not; and a few mislabelled releases holding an unstemmed
// "kesihatan" must not outvote the Malay releases holding "sihat".
class DatabaseStemmer : public Xapian::StemImplementation {
 public:
  DatabaseStemmer(Xapian::Database db, std::vector<StemmerGroup> groups, std::string description)
      : db_(std::move(db)), groups_(std::move(groups)), description_(std::move(description)) {
    for (std::size_t i = 1; i < groups_.size(); ++i)
      most_in_other_group_ = std::max(most_in_other_group_, groups_[i].documents);
  }

  std::string operator()(const std::string& word) override {
    std::vector<std::string> stems;
    stems.reserve(groups_.size());
    for (const StemmerGroup& group : groups_) stems.push_back(group.stem(word));
    if (std::all_of(stems.begin(), stems.end(), [&](const std::string& s) { return s == stems.front(); }))
      return stems.front();
    // A common word of the query language: more of its releases hold the
    // stem than any other group has releases, so no other reading can win,
    // whatever the index holds (Reuters: 'prices' needed no lookup of the
    // German, Italian and Dutch stems, 2 to 4 block reads a word).
    const Xapian::doccount frequency = db_.get_termfreq(stems.front());
    if (Floor(frequency) >= most_in_other_group_ && frequency > 0) return stems.front();
    // Most words: every stemmer agrees, or only one reading is in the index.
    std::size_t held = 0, only = 0;
    for (std::size_t i = 0; i < stems.size(); ++i) {
      if (stems[i] != stems.front() && db_.term_exists(stems[i])) ++held, only = i;
    }
    if (held == 0) return stems.front();
    if (held == 1 && frequency == 0) return stems[only];
    if (!Contested(stems, frequency)) return stems.front();
    std::size_t best = 0;
    Xapian::doccount best_count = CountIn(stems[0], groups_[0]);
    for (std::size_t i = 1; i < stems.size(); ++i) {
      if (stems[i] == stems[best]) continue;
      // A group with fewer documents than the best count can't beat it, and
      // below a hundred CountIn is exact, so its count needn't be run: a few
      // mislabelled releases (Reuters: 6 of 19,043) are most groups, and each
      // count was an Enquire, 90,000 instructions.
      if (groups_[i].documents < kExactCount && groups_[i].documents <= best_count) continue;
      const Xapian::doccount count = CountIn(stems[i], groups_[i]);
      if (count > best_count) {
        best = i;
        best_count = count;
      }
    }
    return stems[best];
  }
  std::string get_description() const override { return description_; }

 private:
  // Whether another group's stem could outnumber the query language's, by
  // bounds that need no Enquire (each count was one, ~70,000 instructions of
  // a one-shot search): a group counts at most its documents and its stem's
  // frequency; the query language's group at least its stem's frequency less
  // every release outside the group (a release has one language term).
  bool Contested(const std::vector<std::string>& stems, Xapian::doccount frequency) const {
    const Xapian::doccount floor = Floor(frequency);
    for (std::size_t i = 1; i < stems.size(); ++i) {
      if (stems[i] == stems[0]) continue;
      if (std::min(groups_[i].documents, db_.get_termfreq(stems[i])) > floor) return true;
    }
    return false;
  }

  // The fewest releases of the query language's group that can hold a stem
  // `frequency` releases hold (a release has one language term).
  Xapian::doccount Floor(Xapian::doccount frequency) const {
    const Xapian::doccount total = db_.get_doccount();
    const Xapian::doccount outside = total - std::min(total, groups_[0].documents);
    return frequency > outside ? frequency - outside : 0;
  }

  // Documents of the group's languages holding `term` (exact up to a
  // hundred: enough to compare, and the cost stays bounded).
  static constexpr Xapian::doccount kExactCount = 100;
  Xapian::doccount CountIn(const std::string& term, const StemmerGroup& group) const {
    if (group.lang_terms.empty() || !db_.term_exists(term)) return 0;
    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term),
                      Xapian::Query(Xapian::Query::OP_OR, group.lang_terms.begin(), group.lang_terms.end())));
    return enquire.get_mset(0, 0, kExactCount).get_matches_estimated();
  }

  Xapian::Database db_;
  std::vector<StemmerGroup> groups_;
  Xapian::doccount most_in_other_group_ = 0;  // the largest group's releases, the query language's aside
  std::string description_;
};

// Moves an all-terms iterator to the next term. Not `++it`: in a glass
// table a term's posting list is a run of chunks and ++ reads through every
// one (the language term of an English corpus is in every release: 252 block
// reads per search on a million releases), where skip_to descends the tree
// to the next term (4 reads). Term + NUL is the least string above the term.
void SkipPastTerm(Xapian::TermIterator& it) { it.skip_to(*it + '\0'); }

}  // namespace

std::string NormaliseLanguageCode(std::string_view written) {
  std::string key = FoldKey(written);
  if (key.rfind("bahasa ", 0) == 0) key = key.substr(7);
  if (key == "melayu") key = "malay";
  if (key == "tieng viet" || key == "tiếng việt") key = "vietnamese";
  // "en-US", "vi_VN" -> the language part.
  if (const auto sep = key.find_first_of("-_"); sep != std::string::npos && sep <= 3) key = key.substr(0, sep);
  for (const Lang& lang : kLanguages) {
    if (key == lang.code || key == lang.name) return std::string(lang.code);
  }
  if (key == "in") return "id";  // the old ISO code for Indonesian
  return {};
}

std::string StemmerNameFor(std::string_view lang_code) {
  for (const Lang& lang : kLanguages) {
    if (lang_code == lang.code) return std::string(lang.stemmer);
  }
  return "none";
}

Xapian::Stem StemmerFor(std::string_view lang_code) {
  const std::string name = StemmerNameFor(lang_code);
  if (name == "none") return Xapian::Stem();
  return Xapian::Stem(name);
}

bool StemKeepsFirstByte(std::string_view lang_code) {
  const std::string name = StemmerNameFor(lang_code);
  return name == "english" || name == "none";
}

StemCache::StemCache(std::string_view lang_code) : stemmer_(StemmerFor(lang_code)) {}

const std::string& StemCache::Stem(const std::string& word) {
  auto it = cache_.find(word);
  if (it != cache_.end()) return it->second;
  if (cache_.size() > 200000) cache_.clear();
  return cache_.emplace(word, stemmer_(word)).first->second;
}

StemCache& StemCacheFor(std::string_view lang_code) {
  thread_local std::unordered_map<std::string, StemCache> caches;
  auto it = caches.find(std::string(lang_code));
  if (it == caches.end()) it = caches.emplace(std::string(lang_code), StemCache(lang_code)).first;
  return it->second;
}

}  // namespace pressdex

namespace pressdex {

std::string QueryLanguage(std::string_view query, std::string_view fallback) {
  const auto* s = reinterpret_cast<const uint8_t*>(query.data());
  const auto length = static_cast<int32_t>(query.size());
  bool vietnamese = false;
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0x80) continue;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
      case USCRIPT_THAI: return "th";
      case USCRIPT_LAO: return "lo";
      case USCRIPT_KHMER: return "km";
      case USCRIPT_MYANMAR: return "my";
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA: return "ja";
      case USCRIPT_HAN: return "zh";
      case USCRIPT_HANGUL: return "ko";
      default: break;
    }
    // ă â đ ê ô ơ ư and the precomposed tone letters (U+1EA0..U+1EF9).
    if (c == 0x0103 || c == 0x0102 || c == 0x0111 || c == 0x0110 || c == 0x01A1 || c == 0x01A0 || c == 0x01B0 ||
        c == 0x01AF || (c >= 0x1EA0 && c <= 0x1EF9))
      vietnamese = true;
  }
  return vietnamese ? "vi" : std::string(fallback);
}

Xapian::Stem QueryStemmer(const Xapian::Database& db, std::string_view lang) {
  std::vector<std::string> names{StemmerNameFor(lang)};
  std::vector<std::vector<std::string>> lang_terms(1);
  std::vector<Xapian::doccount> documents(1);
  try {
    const std::string prefix(schema::kLangPrefix);
    const Xapian::TermIterator end = db.allterms_end(prefix);
    for (auto it = db.allterms_begin(prefix); it != end; SkipPastTerm(it)) {
      const std::string name = StemmerNameFor(std::string_view(*it).substr(prefix.size()));
      const auto at = std::find(names.begin(), names.end(), name);
      if (at == names.end()) {
        names.push_back(name);
        lang_terms.push_back({*it});
        documents.push_back(it.get_termfreq());
      } else {
        const auto i = static_cast<std::size_t>(at - names.begin());
        lang_terms[i].push_back(*it);
        documents[i] += it.get_termfreq();
      }
    }
  } catch (const Xapian::Error& e) {
    // An indexer committed: the search starts again at the new commit (a
    // stemmer chosen without the database's languages would find nothing).
    if (MayBeCommitRace(e)) throw;
    // A database that cannot list its terms: the query language alone.
  }
  if (names.size() == 1) return StemmerFor(lang);
  std::vector<StemmerGroup> groups;
  std::string description = "pressdex:";
  for (std::size_t i = 0; i < names.size(); ++i) {
    groups.push_back(
        {names[i] == "none" ? Xapian::Stem() : Xapian::Stem(names[i]), std::move(lang_terms[i]), documents[i]});
    description += " " + names[i];
  }
  // Xapian::Stem takes ownership of the implementation (reference counted).
  return Xapian::Stem(new DatabaseStemmer(db, std::move(groups), description));
}

}  // namespace pressdex
