// Languages: codes, names and the Snowball stemmer each one uses.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace pressdex {

// Normalises a language as written ("English", "en-US", "vi_VN", "bahasa
// indonesia") to its ISO 639-1 code; "" when unknown.
std::string NormaliseLanguageCode(std::string_view written);

// Xapian stemmer name for an ISO 639-1 code ("english", "indonesian"...), or
// "none" for languages Snowball has no stemmer for (vi, th, zh...).
std::string StemmerNameFor(std::string_view lang_code);

// A ready stemmer for the language (a no-op stemmer for "none").
Xapian::Stem StemmerFor(std::string_view lang_code);

}  // namespace pressdex
