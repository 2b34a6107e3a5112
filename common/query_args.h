// Command-line words back into one query string. A shell turns
// org:"World Health Organization" into the single argument
// `org:World Health Organization`; joining arguments with spaces would
// lose where the value ends. JoinQueryArgs puts the quotes back.
#pragma once

#include <span>
#include <string>

namespace pressdex {

// Joins `args` with spaces; an argument `[+-]FIELD:VALUE` whose VALUE holds
// a space (and no quote) becomes `[+-]FIELD:"VALUE"` for the fields a query
// understands (org, issuer, topic, lang, place, source, date, title).
std::string JoinQueryArgs(std::span<const std::string> args);

}  // namespace pressdex
