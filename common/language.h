// Languages: codes, names and the Snowball stemmer each one uses.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace pressdex {

// Normalises a language as written ("English", "en-US", "vi_VN", "bahasa
// indonesia") to its ISO 639-1 code; "" when unknown.
std::string NormaliseLanguageCode(std::string_view written);

// Xapian stemmer name for an ISO 639-1 code ("english", "indonesian"...), or
// "none" for languages Snowball has no stemmer for (vi, th, zh...).
std::string StemmerNameFor(std::string_view lang_code);

// A ready stemmer for the language (a no-op stemmer for "none").
Xapian::Stem StemmerFor(std::string_view lang_code);

// True when `lang_code`'s stemmer never changes a word's first byte:
// English's Porter2 rewrites endings only (even "dying" -> "die"), and
// languages without a stemmer keep words whole. A word can then only stem to
// a query stem that starts as it does; snippets stem no other.
bool StemKeepsFirstByte(std::string_view lang_code);

// StemmerFor(lang) with its answers remembered: indexing and snippets stem
// every word of a text, and words repeat (within a text, across the hits of a
// page, across a batch's queries). Bounded: forgets all past 200,000 words.
class StemCache {
 public:
  explicit StemCache(std::string_view lang_code);
  // Valid until the next call.
  const std::string& Stem(const std::string& word);

 private:
  Xapian::Stem stemmer_;
  std::unordered_map<std::string, std::string> cache_;
};

// This thread's StemCache for a language.
StemCache& StemCacheFor(std::string_view lang_code);

// The language a query is written in, as far as its script tells: "th",
// "lo", "km", "my", "zh", "ja", "ko" for those scripts, "vi" for letters only
// Vietnamese uses (ơ ư ă đ, stacked tone marks); otherwise `fallback` (the
// --lang option).
std::string QueryLanguage(std::string_view query, std::string_view fallback);

// The stemmer for a query's words. Documents are stemmed in their own
// language, so a word is stemmed with `lang`'s stemmer and with that of every
// language in `db` (its L-prefixed terms), and the stem held by the most
// documents of the languages that stemmer serves wins, `lang`'s on ties
// ("kesehatan": english leaves it, which no English release holds;
// indonesian gives "sehat", which Indonesian releases hold). With no such
// database it is StemmerFor.
Xapian::Stem QueryStemmer(const Xapian::Database& db, std::string_view lang);

}  // namespace pressdex
