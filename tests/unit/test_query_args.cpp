// Command-line arguments back into a query: shell-stripped quotes restored.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/query_args.h"

using pressdex::JoinQueryArgs;

namespace {
std::string Join(std::vector<std::string> args) { return JoinQueryArgs(args); }
}  // namespace

TEST_CASE("query args: field values with spaces get their quotes back", "[query]") {
  CHECK(Join({"covid", "org:World Health Organization"}) == "covid org:\"World Health Organization\"");
  CHECK(Join({"-issuer:Office of the Attorney General"}) == "-issuer:\"Office of the Attorney General\"");
  CHECK(Join({"title:flood relief"}) == "title:\"flood relief\"");
  CHECK(Join({"Topic:Civil Rights"}) == "Topic:\"Civil Rights\"");
}

TEST_CASE("query args: everything else is joined as typed", "[query]") {
  CHECK(Join({"masks", "AND", "covid"}) == "masks AND covid");
  CHECK(Join({"hate crime"}) == "hate crime");                                  // 'hate crime' quoted for the shell
  CHECK(Join({"\"partnership conference\""}) == "\"partnership conference\"");  // a phrase, already quoted
  CHECK(Join({"org:\"WHO\" x"}) == "org:\"WHO\" x");
  CHECK(Join({"http://example.com/a b"}) == "http://example.com/a b");  // not a field
  CHECK(Join({"org:WHO"}) == "org:WHO");
  CHECK(Join({}).empty());
}

TEST_CASE("query args: a whole query typed as one argument stays a query", "[query]") {
  CHECK(Join({"topic:health date:2020-04-01..2020-06-30 -org:WHO"}) ==
        "topic:health date:2020-04-01..2020-06-30 -org:WHO");
  CHECK(Join({"topic:health date:2021"}) == "topic:health date:2021");
  CHECK(Join({"date:2021.. covid"}) == "date:2021.. covid");  // a date never has a space
  CHECK(Join({"org:WHO AND masks"}) == "org:WHO AND masks");
  CHECK(Join({"title:flood (relief OR aid)"}) == "title:flood (relief OR aid)");
  CHECK(Join({"org:World Health Organization masks"}) == "org:\"World Health Organization masks\"");  // can't tell
}

TEST_CASE("query args: the database's values tell a value from a filter and words", "[query]") {
  const pressdex::KnownFilterValue known = [](std::string_view field, std::string_view value) {
    return field == "org" && (value == "ASEC" || value == "World Health Organization" || value == "World");
  };
  auto join = [&](std::vector<std::string> args) { return JoinQueryArgs(args, known); };
  CHECK(join({"org:ASEC covid"}) == "org:ASEC covid");
  CHECK(join({"org:ASEC covid vaccines"}) == "org:ASEC covid vaccines");
  CHECK(join({"org:World Health Organization"}) == "org:\"World Health Organization\"");  // the whole value wins
  CHECK(join({"org:Unknown Agency"}) == "org:\"Unknown Agency\"");  // neither known: one value, as typed
  CHECK(join({"topic:public health"}) == "topic:\"public health\"");
  CHECK(join({"title:flood relief"}) == "title:\"flood relief\"");  // not a filter: the database isn't asked
}
