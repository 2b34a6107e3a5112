#include "common/query_args.h"

#include <algorithm>
#include <string_view>

#include "common/commit_race.h"
#include "common/normalize.h"
#include "common/query.h"
#include "common/schema.h"

namespace pressdex {
namespace {

bool IsFilterField(std::string_view folded) {
  return std::any_of(std::begin(schema::kFilterFields), std::end(schema::kFilterFields),
                     [&](const auto& f) { return f.name == folded; });
}

bool IsField(std::string_view name) {
  const std::string folded = FoldKey(name);
  if (folded == "date") return true;
  return IsFilterField(folded) || std::any_of(std::begin(schema::kTextFields), std::end(schema::kTextFields),
                                              [&](const auto& f) { return f.name == folded; });
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// "[+-]FIELD:..." for a field a query understands.
bool StartsWithField(std::string_view word) {
  if (!word.empty() && (word[0] == '-' || word[0] == '+')) word.remove_prefix(1);
  const std::size_t colon = word.find(':');
  return colon != std::string_view::npos && colon > 0 && IsField(word.substr(0, colon));
}

// Whether a value with spaces reads as more query rather than one value.
bool ReadsAsQuery(std::string_view value) {
  std::size_t i = 0;
  bool first = true;
  while (i < value.size()) {
    while (i < value.size() && IsSpace(value[i])) ++i;
    std::size_t end = i;
    while (end < value.size() && !IsSpace(value[end])) ++end;
    const std::string_view word = value.substr(i, end - i);
    if (!word.empty() && !first &&
        (IsQueryOperator(word) || StartsWithField(word) || word.find_first_of("()") != std::string_view::npos))
      return true;
    first = false;
    i = end;
  }
  return false;
}

std::string Requote(const std::string& arg, const KnownFilterValue& known) {
  if (arg.find_first_of(" \t") == std::string::npos || arg.find('"') != std::string::npos) return arg;
  const std::size_t start = !arg.empty() && (arg[0] == '-' || arg[0] == '+') ? 1 : 0;
  const std::size_t colon = arg.find(':', start);
  if (colon == std::string::npos || colon == start) return arg;
  const std::string_view name(arg.data() + start, colon - start);
  if (name.find_first_of(" \t") != std::string_view::npos || !IsField(name)) return arg;
  const std::string field = FoldKey(name);
  const std::string_view value = std::string_view(arg).substr(colon + 1);
  if (field == "date" || ReadsAsQuery(value)) return arg;
  if (known && IsFilterField(field) && !known(field, value)) {
    const std::string_view first = value.substr(0, std::min(value.find_first_of(" \t"), value.size()));
    if (!first.empty() && known(field, first)) return arg;
  }
  return arg.substr(0, colon + 1) + '"' + arg.substr(colon + 1) + '"';
}

}  // namespace

KnownFilterValue KnownIn(const Xapian::Database& db) {
  return [&db](std::string_view field, std::string_view value) {
    for (const auto& f : schema::kFilterFields) {
      if (f.name != field) continue;
      const std::string term = schema::FieldTerm(f.prefix, value);
      for (int attempt = 0; attempt < 10; ++attempt) {
        try {
          return db.term_exists(term);
        } catch (const Xapian::Error& e) {
          if (!MayBeCommitRace(e)) return false;
          Xapian::Database latest = db;  // an indexer committed twice: read the newest commit
          if (!latest.reopen()) return false;
        }
      }
      return false;
    }
    return false;
  };
}

std::string JoinQueryArgs(std::span<const std::string> args, const KnownFilterValue& known) {
  std::string out;
  for (const auto& arg : args) {
    if (!out.empty()) out += ' ';
    out += Requote(arg, known);
  }
  return out;
}

}  // namespace pressdex
