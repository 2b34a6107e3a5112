// Place and news-agency names as datelines write them.
#pragma once

#include <string>
#include <string_view>

namespace pressdex {

// "JAKARTA" -> "Jakarta", "SAN FRANCISCO" -> "San Francisco", "Jakarta" as is;
// trailing punctuation and surrounding spaces dropped.
std::string NormalisePlace(std::string_view written);

// True if `s` reads like a place in a dateline: one to five capitalised words,
// no digits, not a month or a weekday.
bool LooksLikePlace(std::string_view s);

// True if `s` reads like a news agency credit inside a dateline's brackets
// ("VNA", "Reuters", "AFP", "Bernama", "PRNewswire"); false for photo credits.
bool LooksLikeAgency(std::string_view s);

}  // namespace pressdex
