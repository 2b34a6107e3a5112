#include "common/language.h"

#include <array>
#include <utility>

#include "common/normalize.h"

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
