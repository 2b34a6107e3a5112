#include "common/query.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "common/commit_race.h"
#include "common/language.h"
#include "common/normalize.h"
#include "common/schema.h"
#include "common/stopwords.h"
#include "common/synonyms.h"
#include "common/tokenizer.h"

namespace pressdex {
namespace {

using namespace std::chrono;

// The 1-based column, in characters, of the 1-based byte column `byte` of
// `text`: what a person counts in "query error at column N" ("Việt" is 4).
std::size_t CharColumn(std::string_view text, std::size_t byte) {
  std::size_t chars = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Curly quotes open and close phrases as straight ones do.
std::size_t QuoteAt(std::string_view s, std::size_t i) {
  if (s[i] == '"') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x9C" || s.substr(i, 3) == "\xE2\x80\x9D") return 3;  // “ ”
  return 0;
}

struct Filter {
  std::string field;
  std::string value;
  bool negated = false;
  std::size_t column = 0;
};

// Rewrites the free text into a form QueryParser reads exactly as our
// tokenizer would: folded words, multi-token chunks ("COVID-19", unspaced
// Thai) as phrases; filters are taken out.
class Rewriter {
 public:
  explicit Rewriter(std::string_view input) : in_(input) {}

  Status Run() {
    int depth = 0;
    bool in_phrase = false;
    std::size_t phrase_column = 0;
    std::size_t i = 0;
    std::string last_kind = "start";  // start | op | term | open
    while (i < in_.size()) {
      const char c = in_[i];
      if (IsSpace(c)) {
        out_ += ' ';
        ++i;
        continue;
      }
      if (const std::size_t q = QuoteAt(in_, i)) {
        in_phrase = !in_phrase;
        if (in_phrase) phrase_column = i + 1;
        EndRun();
        if (in_phrase) {
          phrase_sign_ = pending_sign_;
          StartItem(depth);
        }
        out_ += '"';
        if (!in_phrase) out_ += ' ';
        i += q;
        last_kind = "term";
        continue;
      }
      if (!in_phrase && c == '(') {
        EndRun();
        StartItem(depth);
        ++depth;
        out_ += "( ";
        ++i;
        last_kind = "open";
        continue;
      }
      if (!in_phrase && c == ')') {
        if (depth == 0) return Error(i, "')' without a matching '('");
        if (last_kind == "op") return Error(i, "an operator needs something after it");
        if (last_kind == "open") return Error(i, "empty parentheses");
        EndRun();
        --depth;
        out_ += " )";
        ++i;
        last_kind = "term";
        continue;
      }
      // A chunk: everything up to the next space, quote or parenthesis.
      std::size_t end = i;
      while (end < in_.size() && !IsSpace(in_[end]) && QuoteAt(in_, end) == 0 &&
             (in_phrase || (in_[end] != '(' && in_[end] != ')')))
        ++end;
      std::string_view chunk = in_.substr(i, end - i);
      const std::size_t column = i + 1;
      i = end;
      if (in_phrase) {
        EmitWords(chunk, /*in_phrase=*/true, phrase_sign_, false);
        continue;
      }
      // "-" or "+" right before a quote or a parenthesis: "-\"a b\"", "-(a OR b)".
      if ((chunk == "-" || chunk == "+") && i < in_.size() && (QuoteAt(in_, i) != 0 || in_[i] == '(')) {
        pending_sign_ = std::string(chunk);
        continue;
      }
      if (IsQueryOperator(chunk)) {
        EndRun();
        if (last_kind == "op" && chunk == "NOT" && (ops_ == "AND" || ops_ == "OR")) {
          ops_ += " NOT";  // "a AND NOT b"
        } else if (after_filter_ && chunk == "AND" && (last_kind == "start" || last_kind == "open")) {
          continue;  // "org:WHO AND covid": filters always AND
        } else if (after_filter_ && chunk == "NOT" && (last_kind == "start" || last_kind == "open")) {
          op_start_ = out_.size();  // "org:WHO NOT covid": a pure NOT, as QueryParser reads it
          kind_before_op_ = last_kind;
          ops_ = chunk;
        } else if (chunk == "NOT" && (last_kind == "start" || last_kind == "open")) {
          op_start_ = out_.size();  // "NOT masks": every release without the word (QueryParser's pure NOT)
          kind_before_op_ = last_kind;
          ops_ = chunk;
        } else if (last_kind == "start" || last_kind == "open" || last_kind == "op") {
          return Error(column - 1, fmt::format("'{}' needs something before it", chunk));
        } else {
          op_start_ = out_.size();
          kind_before_op_ = last_kind;
          ops_ = chunk;
        }
        if (depth == 0) operators_ = true;
        out_ += fmt::format(" {} ", chunk);
        last_kind = "op";
        after_filter_ = false;
        continue;
      }
      std::string sign;
      bool in_field = false;
      std::size_t item_start = out_.size();
      if ((chunk[0] == '+' || chunk[0] == '-') && chunk.size() > 1) {
        sign = std::string(1, chunk[0]);
        chunk.remove_prefix(1);
      }
      // field:value
      if (const auto colon = chunk.find(':'); colon != std::string_view::npos && colon > 0) {
        const std::string field = FoldKey(chunk.substr(0, colon));
        std::string_view value = chunk.substr(colon + 1);
        if (IsFilterField(field)) {
          std::string v(value);
          if (v.empty() && i < in_.size() && QuoteAt(in_, i) != 0) {  // field:"quoted value"
            const std::size_t open = QuoteAt(in_, i);
            std::size_t close = i + open;
            while (close < in_.size() && QuoteAt(in_, close) == 0) ++close;
            if (close >= in_.size()) return Error(i, "unterminated quote");
            v = std::string(in_.substr(i + open, close - i - open));
            i = close + QuoteAt(in_, close);
          }
          if (v.empty()) return Error(column - 1, fmt::format("'{}:' needs a value", field));
          bool negated = sign == "-";
          if (last_kind == "op") {
            // Filters apply to the whole query: "covid AND org:WHO" is
            // "covid org:WHO", "covid NOT org:WHO" is "covid -org:WHO".
            if (ops_ != "AND" && ops_ != "NOT" && ops_ != "AND NOT")
              return Error(column - 1,
                           fmt::format("'{} {}:{}': a filter narrows the whole query and can't be combined with "
                                       "'{}'; for either of two values write {}:A {}:B",
                                       ops_, field, v, ops_, field, field));
            if (ops_ != "AND") negated = !negated;
            out_.resize(op_start_);
            last_kind = kind_before_op_;
          }
          filters_.push_back(Filter{field, v, negated, column});
          EndRun();
          after_filter_ = true;
          continue;
        }
        if (IsTextField(field)) {
          if (value.empty()) {  // field:"phrase" — the quote follows, and carries the sign
            pending_sign_ = sign;
            pending_field_ = field + ":";
            continue;
          }
          item_start = out_.size();
          out_ += sign + field + ":";
          in_field = true;
          chunk = value;
        }
      }
      out_ += in_field ? "" : sign;
      EmitWords(chunk, /*in_phrase=*/false, sign, in_field);
      // A chunk of nothing but punctuation ("!!!") adds no item.
      if (out_.size() > item_start + sign.size()) CountItem(depth, sign, item_start);
      last_kind = "term";
      after_filter_ = false;
    }
    if (in_phrase) return Error(phrase_column - 1, "unterminated quote");
    if (depth != 0) return Error(in_.size(), "'(' without a matching ')'");
    if (last_kind == "op") return Error(in_.size(), "an operator needs something after it");
    // Only excluded items ("-masks -asean"): QueryParser would take them as
    // wanted words, so they are written as its pure NOTs ("NOT masks NOT asean").
    if (!operators_ && positive_items_ == 0) {
      for (auto at = hate_signs_.rbegin(); at != hate_signs_.rend(); ++at) out_.replace(*at, 1, "NOT ");
    }
    return Status::Ok();
  }

  const std::string& output() const { return out_; }
  const std::vector<Filter>& filters() const { return filters_; }
  const std::vector<std::string>& wildcard_stems() const { return wildcards_; }
  std::vector<QueryWord>& words() { return words_; }

 private:
  static bool IsFilterField(const std::string& field) {
    if (field == "date" || field == "exact") return true;
    return std::any_of(std::begin(schema::kFilterFields), std::end(schema::kFilterFields),
                       [&](const auto& f) { return f.name == field; });
  }
  static bool IsTextField(const std::string& field) {
    return std::any_of(std::begin(schema::kTextFields), std::end(schema::kTextFields),
                       [&](const auto& f) { return f.name == field; });
  }

  // Plain words that follow each other form a run (where multi-word synonyms
  // are looked for); anything else in between ends it.
  void EndRun() { run_open_ = false; }

  // A phrase or a group starts: writes the sign (and field) that came
  // before its quote or parenthesis, and counts it as an item.
  void StartItem(int depth) {
    const std::size_t start = out_.size();
    out_ += pending_sign_ + pending_field_;
    CountItem(depth, pending_sign_, start);
    pending_sign_.clear();
    pending_field_.clear();
  }

  // An item of the query's top level: wanted, or excluded with its "-" at `at`.
  void CountItem(int depth, std::string_view sign, std::size_t at) {
    if (depth != 0) return;
    if (sign == "-")
      hate_signs_.push_back(at);
    else
      ++positive_items_;
  }

  void EmitWords(std::string_view chunk, bool in_phrase, std::string_view sign, bool in_field) {
    bool wildcard = false;
    if (!chunk.empty() && chunk.back() == '*') {
      wildcard = true;
      chunk.remove_suffix(1);
    }
    std::vector<std::string> words;
    const std::size_t chunk_offset = static_cast<std::size_t>(chunk.data() - in_.data());
    const bool plain = sign != "-" && !in_field && !wildcard;
    if (!run_open_) ++run_;
    run_open_ = plain;
    ++chunk_;
    ForEachToken(chunk, [&](const Token& token) {
      words.push_back(token.term);
      QueryWord w;
      w.begin = chunk_offset + token.begin;
      w.end = chunk_offset + token.end;
      w.raw = std::string(token.raw);
      w.folded = token.term;
      w.chunk = chunk_;
      w.run = run_;
      w.quoted = in_phrase;
      w.negated = sign == "-";
      w.in_field = in_field;
      w.wildcard = wildcard;
      words_.push_back(std::move(w));
    });
    if (!plain) run_open_ = false;
    if (words.empty()) return;
    if (wildcard) {
      // Only the last word takes the wildcard ("covid-1*" -> covid 1*).
      wildcards_.push_back(words.back());
      words.back() += '*';
    }
    const bool group = words.size() > 1 && !in_phrase && !wildcard;
    if (group) out_ += '"';
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (k) out_ += ' ';
      out_ += words[k];
    }
    if (group) out_ += '"';
    out_ += ' ';
  }

  Status Error(std::size_t offset, const std::string& what) const {
    return Status::InvalidArgument(fmt::format("query error at column {}: {}", CharColumn(in_, offset + 1), what));
  }

  std::string_view in_;
  std::string out_;
  // The operator(s) last written ("AND", "AND NOT"...), where in out_ they
  // start and what came before them: a filter after them takes them back.
  std::string ops_;
  std::size_t op_start_ = 0;
  std::string kind_before_op_;
  bool after_filter_ = false;  // the last thing read was a filter
  std::vector<Filter> filters_;
  std::vector<std::string> wildcards_;
  std::vector<QueryWord> words_;
  std::size_t run_ = 0;
  std::size_t chunk_ = 0;
  bool run_open_ = false;
  std::string pending_sign_;             // "-"/"+" read just before a quote or parenthesis
  std::string pending_field_;            // "title:" read just before a quote
  std::string phrase_sign_;              // the sign of the phrase being read
  std::vector<std::size_t> hate_signs_;  // where each excluded top-level item's "-" is in out_
  std::size_t positive_items_ = 0;       // wanted top-level items
  bool operators_ = false;               // any AND/OR/NOT... written at the top level
};

// Whether `q` wants any term, as opposed to only excluding some ("NOT
// masks" is every release AND_NOT the word: nothing to rank by).
bool HasWantedTerms(const Xapian::Query& q) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: return !q.empty();
    case Xapian::Query::LEAF_MATCH_ALL:
    case Xapian::Query::LEAF_MATCH_NOTHING: return false;
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER: return q.get_num_subqueries() > 0 && HasWantedTerms(q.get_subquery(0));
    default: break;
  }
  if (q.get_num_subqueries() == 0) return true;  // a wildcard, a value range: wanted
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (HasWantedTerms(q.get_subquery(i))) return true;
  return false;
}

bool ValidDay(int y, unsigned m, unsigned d) { return year_month_day{year{y}, month{m}, day{d}}.ok(); }

// One side of a date filter: "2020", "2020-04", "2020-04-29", "30d", "6m", "1y".
// Returns [first day, last day] it covers.
Result<DateRange> ParseDatePoint(std::string_view s, sys_days today) {
  auto digits = [](std::string_view t) {
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (s.size() >= 2 && digits(s.substr(0, s.size() - 1)) &&
      std::string_view("dwmy").find(s.back()) != std::string_view::npos) {
    if (s.size() > 6) return Status::InvalidArgument(fmt::format("bad date '{}': too far back", s));
    const int n = std::stoi(std::string(s.substr(0, s.size() - 1)));
    year_month_day ymd{today};
    sys_days point = today;
    switch (s.back()) {
      case 'd': point = today - days{n}; break;
      case 'w': point = today - days{7 * n}; break;
      case 'm': {
        year_month_day back = year_month_day{ymd.year(), ymd.month(), day{1}} - months{n};
        back =
            year_month_day{back.year(), back.month(),
                           std::min(ymd.day(), year_month_day_last{back.year(), month_day_last{back.month()}}.day())};
        point = sys_days{back};
        break;
      }
      case 'y': {
        year_month_day back{ymd.year() - years{n}, ymd.month(), ymd.day()};
        if (!back.ok()) back = year_month_day{back.year(), back.month(), day{28}};
        point = sys_days{back};
        break;
      }
    }
    const year_month_day p{point};
    const std::string v = fmt::format("{:04d}{:02d}{:02d}", int(p.year()), unsigned(p.month()), unsigned(p.day()));
    return DateRange{v, v};
  }
  const auto bad =
      Status::InvalidArgument(fmt::format("bad date '{}': use YYYY, YYYY-MM, YYYY-MM-DD or a relative 30d, 6m, 1y", s));
  if (s.size() == 4 && digits(s)) return DateRange{std::string(s) + "0101", std::string(s) + "1231"};
  if (s.size() == 7 && s[4] == '-' && digits(s.substr(0, 4)) && digits(s.substr(5, 2))) {
    const int y = std::stoi(std::string(s.substr(0, 4)));
    const unsigned m = std::stoul(std::string(s.substr(5, 2)));
    if (m < 1 || m > 12) return bad;
    const unsigned last = unsigned(year_month_day_last{year{y}, month_day_last{month{m}}}.day());
    return DateRange{fmt::format("{:04d}{:02d}01", y, m), fmt::format("{:04d}{:02d}{:02d}", y, m, last)};
  }
  if (s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(s.substr(0, 4)) && digits(s.substr(5, 2)) &&
      digits(s.substr(8, 2))) {
    const int y = std::stoi(std::string(s.substr(0, 4)));
    const unsigned m = std::stoul(std::string(s.substr(5, 2)));
    const unsigned d = std::stoul(std::string(s.substr(8, 2)));
    if (!ValidDay(y, m, d)) return bad;
    const std::string v = fmt::format("{:04d}{:02d}{:02d}", y, m, d);
    return DateRange{v, v};
  }
  return bad;
}

// A whole year, month or day has its own boolean term (Y2020, M202004,
// D20200429): a posting list is cheaper than reading every date value.
// "" when `value` is not a single whole period.
std::string PeriodTerm(std::string_view value, const DateRange& range) {
  if (range.from.empty() || range.to.empty()) return "";
  if (value.size() == 4 && range.from.substr(4) == "0101" && range.to.substr(4) == "1231")
    return std::string(schema::kYearPrefix) + range.from.substr(0, 4);
  if (value.size() == 7 && range.from.substr(0, 6) == range.to.substr(0, 6))
    return std::string(schema::kMonthPrefix) + range.from.substr(0, 6);
  if (value.size() == 10 && range.from == range.to) return std::string(schema::kDayPrefix) + range.from;
  return "";
}

bool IsRelative(std::string_view s) {
  return !s.empty() && std::string_view("dwmy").find(s.back()) != std::string_view::npos;
}

}  // namespace

bool IsQueryOperator(std::string_view word) {
  return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" || word == "ADJ" ||
         word.rfind("NEAR/", 0) == 0 || word.rfind("ADJ/", 0) == 0;
}

Result<DateRange> ParseDateFilter(std::string_view value, sys_days today) {
  const auto dots = value.find("..");
  if (dots == std::string_view::npos) {
    auto point = ParseDatePoint(value, today);
    // "date:30d" reads as "the last 30 days", not "the day 30 days ago".
    if (point.ok() && IsRelative(value)) point->to.clear();
    return point;
  }
  const std::string_view left = value.substr(0, dots);
  const std::string_view right = value.substr(dots + 2);
  if (left.empty() && right.empty()) return Status::InvalidArgument("bad date range '..': give at least one end");
  DateRange range;
  if (!left.empty()) {
    auto from = ParseDatePoint(left, today);
    if (!from.ok()) return from.status();
    range.from = from->from;
  }
  if (!right.empty()) {
    auto to = ParseDatePoint(right, today);
    if (!to.ok()) return to.status();
    range.to = to->to;
  }
  if (!range.from.empty() && !range.to.empty() && range.from > range.to)
    return Status::InvalidArgument(fmt::format("bad date range '{}': it ends before it starts", value));
  return range;
}

Result<ParsedQuery> ParseQuery(std::string_view query, const QueryOptions& options, const Xapian::Database& db) {
  const std::string clean = SanitizeUtf8(query);
  Rewriter rewriter(clean);
  if (Status s = rewriter.Run(); !s.ok()) return s;

  ParsedQuery parsed;
  parsed.parser_input = rewriter.output();
  parsed.wildcard_stems = rewriter.wildcard_stems();
  parsed.words = std::move(rewriter.words());
  const bool any_text = parsed.parser_input.find_first_not_of(" \"()+-") != std::string::npos;

  Xapian::Query text;
  if (any_text) {
    Xapian::QueryParser qp;
    const std::string query_lang = QueryLanguage(clean, options.lang);
    const Xapian::Stem stemmer = QueryStemmer(db, query_lang);     // per word: see language.h
    const Xapian::Stopper* stopper = QueryStopperFor(query_lang);  // see stopwords.h
    qp.set_stemmer(stemmer);
    qp.set_stopper(stopper);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
    qp.set_default_op(options.any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    qp.set_database(db);
    for (const auto& field : schema::kTextFields) qp.add_prefix(std::string(field.name), std::string(field.prefix));
    const unsigned flags = Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
                           Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    try {
      text = qp.parse_query(parsed.parser_input, flags);
    } catch (const Xapian::QueryParserError& e) {
      return Status::InvalidArgument("query error: " + e.get_msg());
    } catch (const Xapian::Error& e) {
      if (MayBeCommitRace(e)) throw;  // the parser reads the database: the search starts again
      return Status::InvalidArgument("query error: " + e.get_msg());
    }
    text = ExpandSynonyms(text, parsed.words, db, options.synonyms, stemmer, stopper, parsed.synonyms);
    parsed.has_text = HasWantedTerms(text);
    for (auto it = text.get_unique_terms_begin(); it != text.get_unique_terms_end(); ++it) {
      const std::string term = *it;
      // Title terms highlight like body terms.
      if (!term.empty() && term[0] == schema::kTitlePrefix[0])
        parsed.terms.push_back(term.substr(1));
      else
        parsed.terms.push_back(term);
    }
  }

  // Filters: OR within a field, AND across fields, negations subtracted.
  std::map<std::string, std::vector<Xapian::Query>> positive;
  std::vector<Xapian::Query> negative;
  for (const Filter& f : rewriter.filters()) {
    Xapian::Query q;
    if (f.field == "date") {
      auto range = ParseDateFilter(f.value, options.today);
      if (!range.ok())
        return Status::InvalidArgument(
            fmt::format("query error at column {}: {}", CharColumn(clean, f.column), range.status().message()));
      if (const std::string period = PeriodTerm(f.value, *range); !period.empty())
        q = Xapian::Query(period);
      else if (range->from.empty())
        q = Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, range->to);
      else if (range->to.empty())
        q = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, range->from);
      else
        q = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, range->from, range->to);
      parsed.filters.push_back(fmt::format("{}date {}..{}", f.negated ? "not " : "", range->from, range->to));
    } else if (f.field == "exact") {
      // "exact:Việt": the word with these very accents (folded search would also take Viet, Viêt...).
      const std::vector<std::string> forms = ExactAccentForms(f.value);
      if (forms.empty())
        return Status::InvalidArgument(fmt::format(
            "query error at column {}: 'exact:{}' has no accented letter to match exactly (unaccented words already "
            "match every accented spelling)",
            CharColumn(clean, f.column), f.value));
      std::vector<Xapian::Query> each;
      for (const auto& form : forms) each.emplace_back(std::string(schema::kRawPrefix) + form);
      q = Xapian::Query(Xapian::Query::OP_AND, each.begin(), each.end());
      parsed.filters.push_back(fmt::format("{}exact={}", f.negated ? "not " : "", fmt::join(forms, "+")));
    } else {
      const auto* field = std::find_if(std::begin(schema::kFilterFields), std::end(schema::kFilterFields),
                                       [&](const auto& ff) { return ff.name == f.field; });
      std::string value = f.value;
      if (f.field == "lang") {  // "lang:English", "lang:vi-VN" mean the code
        if (std::string code = NormaliseLanguageCode(value); !code.empty()) value = code;
      }
      q = Xapian::Query(schema::FieldTerm(field->prefix, value));
      parsed.filters.push_back(fmt::format("{}{}={}", f.negated ? "not " : "", f.field, FoldKey(f.value)));
    }
    if (f.negated)
      negative.push_back(q);
    else
      positive[f.field].push_back(q);
  }

  Xapian::Query filter;
  for (auto& [field, queries] : positive) {
    Xapian::Query any_of(Xapian::Query::OP_OR, queries.begin(), queries.end());
    filter = filter.empty() ? any_of : Xapian::Query(Xapian::Query::OP_AND, filter, any_of);
  }
  Xapian::Query result;
  if (parsed.has_text) {
    result = filter.empty() ? text : Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
  } else if (!text.empty()) {  // only excluded words: "NOT masks", nothing to rank by
    result = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                           filter.empty() ? text : Xapian::Query(Xapian::Query::OP_FILTER, text, filter), 0.0);
  } else if (!filter.empty()) {
    result = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0);
  } else if (clean.find_first_not_of(" \t\r\n\f\v") != std::string::npos && negative.empty()) {
    // Something was typed but nothing in it can be searched for ("!!!", "*",
    // a stray quote): that finds nothing. Only an empty query, or --all,
    // lists every release.
    result = Xapian::Query::MatchNothing;
  } else {
    result = Xapian::Query::MatchAll;
  }
  if (!negative.empty())
    result = Xapian::Query(Xapian::Query::OP_AND_NOT, result,
                           Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end()));
  parsed.query = result;
  return parsed;
}

}  // namespace pressdex
