// Command-line words back into one query string. A shell turns
// org:"World Health Organization" into the single argument
// `org:World Health Organization`; joining arguments with spaces would
// lose where the value ends. JoinQueryArgs puts the quotes back, but not
// where the argument is a whole query typed in one ('topic:health
// date:2021', 'org:ASEC covid').
#pragma once

#include <xapian.h>

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace pressdex {

// Whether some release carries `value` in filter field `field` ("org",
// "topic"...): how 'org:ASEC covid' (a filter and a word) is told from an
// unquoted org:"World Health Organization" (one value).
using KnownFilterValue = std::function<bool(std::string_view field, std::string_view value)>;

// Looks values up as the terms a query would filter on, in `db` (which must
// outlive the function). A database error counts as not known.
KnownFilterValue KnownIn(const Xapian::Database& db);

// Joins `args` with spaces; an argument `[+-]FIELD:VALUE` whose VALUE holds
// a space (and no quote) becomes `[+-]FIELD:"VALUE"` for the fields a query
// understands (org, issuer, topic, lang, place, source, title) unless the
// rest reads as more query (another FIELD:, an operator, a parenthesis; a
// date never has spaces), or `known` says the whole VALUE is no value of
// the field but its first word is.
std::string JoinQueryArgs(std::span<const std::string> args, const KnownFilterValue& known = {});

}  // namespace pressdex
