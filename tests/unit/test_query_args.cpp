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
