#include "common/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

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
    Lang{"en", "english", "english"},       Lang{"id", "indonesian", "indonesian"},
    Lang{"ms", "malay", "indonesian"},      Lang{"vi", "vietnamese", "none"},
    Lang{"th", "thai", "none"},             Lang{"km", "khmer", "none"},
    Lang{"lo", "lao", "none"},              Lang{"my", "burmese", "none"},
    Lang{"zh", "chinese", "none"},          Lang{"ja", "japanese", "none"},
    Lang{"ko", "korean", "none"},           Lang{"tl", "tagalog", "none"},
    Lang{"fr", "french", "french"},         Lang{"de", "german", "german"},
    Lang{"es", "spanish", "spanish"},       Lang{"pt", "portuguese", "portuguese"},
    Lang{"it", "italian", "italian"},       Lang{"nl", "dutch", "dutch"},
    Lang{"sv", "swedish", "swedish"},       Lang{"da", "danish", "danish"},
    Lang{"no", "norwegian", "norwegian"},   Lang{"nb", "norwegian", "norwegian"},
    Lang{"fi", "finnish", "finnish"},       Lang{"ru", "russian", "russian"},
    Lang{"ar", "arabic", "arabic"},         Lang{"tr", "turkish", "turkish"},
    Lang{"hu", "hungarian", "hungarian"},   Lang{"ro", "romanian", "romanian"},
    Lang{"ga", "irish", "irish"},           Lang{"el", "greek", "greek"},
    Lang{"hi", "hindi", "none"},            Lang{"ta", "tamil", "tamil"},
    Lang{"ne", "nepali", "nepali"},         Lang{"lt", "lithuanian", "lithuanian"},
    Lang{"hy", "armenian", "armenian"},     Lang{"eu", "basque", "basque"},
    Lang{"ca", "catalan", "catalan"},
};

// Stems with each candidate stemmer and keeps the stem the database holds
// most often; the query language's stem wins ties and is the default.
class DatabaseStemmer : public Xapian::StemImplementation {
 public:
  DatabaseStemmer(Xapian::Database db, std::vector<Xapian::Stem> stemmers, std::string description)
      : db_(std::move(db)), stemmers_(std::move(stemmers)), description_(std::move(description)) {}

  std::string operator()(const std::string& word) override {
    std::string best = stemmers_.front()(word);
    Xapian::doccount best_freq = db_.get_termfreq(best);
    for (std::size_t i = 1; i < stemmers_.size(); ++i) {
      std::string stem = stemmers_[i](word);
      if (stem == best) continue;
      const Xapian::doccount freq = db_.get_termfreq(stem);
      if (freq > best_freq) {
        best = std::move(stem);
        best_freq = freq;
      }
    }
    return best;
  }
  std::string get_description() const override { return description_; }

 private:
  Xapian::Database db_;
  std::vector<Xapian::Stem> stemmers_;
  std::string description_;
};

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
  try {
    const std::string prefix(schema::kLangPrefix);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
      const std::string name = StemmerNameFor(std::string_view(*it).substr(prefix.size()));
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
  } catch (const Xapian::Error&) {
    // A default-constructed or unreadable database: the query language alone.
  }
  if (names.size() == 1) return StemmerFor(lang);
  std::vector<Xapian::Stem> stemmers;
  std::string description = "pressdex:";
  for (const std::string& name : names) {
    stemmers.push_back(name == "none" ? Xapian::Stem() : Xapian::Stem(name));
    description += " " + name;
  }
  // Xapian::Stem takes ownership of the implementation (reference counted).
  return Xapian::Stem(new DatabaseStemmer(db, std::move(stemmers), description));
}

}  // namespace pressdex
