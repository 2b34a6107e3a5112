#include "common/synonyms.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "common/extract/data_files.h"
#include "common/extract/gazetteer.h"
#include "common/extract/text_util.h"
#include "common/index_state.h"
#include "common/tokenizer.h"

namespace pressdex {
namespace {

// Longest key looked for, in words ("ASEAN Coordinating Centre for
// Humanitarian Assistance on disaster management" has 9).
constexpr std::size_t kMaxKeyWords = 12;
// Xapian's synonym table keys and values must stay well under its 245-byte
// key limit.
constexpr std::size_t kMaxNameBytes = 200;

std::string WithoutDots(std::string_view raw) {
  std::string out;
  for (const char c : raw) {
    if (c != '.') out += c;
  }
  return out;
}

// The capitals key of an acronym as written, or nullopt when it is not one.
std::optional<std::string> AcronymKey(std::string_view raw) {
  std::string letters = WithoutDots(raw);
  if (!IsAcronymLike(letters)) return std::nullopt;
  return letters;
}

std::string JoinFolded(const std::vector<QueryWord>& words, std::size_t from, std::size_t to) {
  std::string key;
  for (std::size_t i = from; i < to; ++i) {
    if (!key.empty()) key += ' ';
    key += words[i].folded;
  }
  return key;
}

// The database's alternatives for a key. A shard that keeps no synonym table
// (a remote one) contributes none.
void AddDatabaseAlternatives(const Xapian::Database& db, const std::string& key, std::vector<std::string>& out) {
  try {
    for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) out.push_back(*it);
  } catch (const Xapian::UnimplementedError&) {
  }
}

bool DatabaseHasKeyStarting(const Xapian::Database& db, const std::string& prefix) {
  try {
    return db.synonym_keys_begin(prefix) != db.synonym_keys_end(prefix);
  } catch (const Xapian::UnimplementedError&) {
    return false;
  }
}

// A name written all in lower case in a script that has capitals
// ("information-retrieval systems (IRS)" defines a term, not an
// organisation). Extraction may attach such a long form to an organisation
// that shares its acronym (the Internal Revenue Service): as a synonym it
// would send one meaning to the other, so the index does not keep it.
bool IsLowerCaseTerm(std::string_view name) {
  bool lower = false;
  for (std::size_t i = 0; i < name.size();) {
    UChar32 c = 0;
    U8_NEXT(name.data(), i, name.size(), c);
    if (c < 0) continue;
    if (u_isupper(c) || u_istitle(c)) return false;
    if (u_islower(c)) lower = true;
  }
  return lower;
}

struct Match {
  std::string key;
  std::vector<std::string> stems;  // what the words became in the parsed query
  std::vector<std::string> alternatives;
  std::vector<Xapian::Query> queries;  // one per alternative
  bool applied = false;
};

// A leaf term or a phrase of leaf terms: the pieces a key is made of.
bool UnitStems(const Xapian::Query& q, std::vector<std::string>& stems) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) {
    stems.push_back(*q.get_terms_begin());
    return true;
  }
  if (q.get_type() != Xapian::Query::OP_PHRASE) return false;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    const Xapian::Query sub = q.get_subquery(i);
    if (sub.get_type() != Xapian::Query::LEAF_TERM) return false;
    stems.push_back(*sub.get_terms_begin());
  }
  return true;
}

class Rewriter {
 public:
  explicit Rewriter(std::vector<Match>& matches) : matches_(matches) {}

  Xapian::Query Rewrite(const Xapian::Query& q) {
    std::vector<std::string> stems;
    if (UnitStems(q, stems)) {
      if (Match* m = Find(stems)) return SynonymOf(q, *m);
      return q;
    }
    const auto op = q.get_type();
    const std::size_t n = q.get_num_subqueries();
    std::vector<Xapian::Query> children;
    switch (op) {
      case Xapian::Query::OP_AND:
      case Xapian::Query::OP_OR: {
        for (std::size_t i = 0; i < n; ++i) children.push_back(q.get_subquery(i));
        const std::vector<Xapian::Query> grouped = Group(op, children);
        return Xapian::Query(op, grouped.begin(), grouped.end());
      }
      case Xapian::Query::OP_AND_MAYBE:
        for (std::size_t i = 0; i < n; ++i) children.push_back(Rewrite(q.get_subquery(i)));
        return Xapian::Query(op, children.begin(), children.end());
      case Xapian::Query::OP_AND_NOT:
        // What is excluded is excluded under every name: "asean -ASEC" also
        // leaves out the releases that say "ASEAN Secretariat", so that
        // "ASEC" and "NOT ASEC" never share a release.
        for (std::size_t i = 0; i < n; ++i) children.push_back(Rewrite(q.get_subquery(i)));
        return Xapian::Query(op, children.begin(), children.end());
      case Xapian::Query::OP_FILTER:
        // Only the first part is words; the rest are filters.
        children.push_back(Rewrite(q.get_subquery(0)));
        for (std::size_t i = 1; i < n; ++i) children.push_back(q.get_subquery(i));
        return Xapian::Query(op, children.begin(), children.end());
      default: return q;  // phrases, NEAR, wildcards, value ranges: left as they are
    }
  }

 private:
  // Children of an AND or OR: runs of units that together make a key are
  // replaced by one synonym group; the rest are rewritten one by one.
  std::vector<Xapian::Query> Group(Xapian::Query::op op, const std::vector<Xapian::Query>& children) {
    std::vector<Xapian::Query> out;
    std::size_t i = 0;
    while (i < children.size()) {
      std::size_t taken = 0;
      Match* found = nullptr;
      for (Match& m : matches_) {  // longest keys first
        std::vector<std::string> stems;
        std::size_t k = i;
        while (k < children.size() && stems.size() < m.stems.size() && UnitStems(children[k], stems)) ++k;
        if (k > i && stems == m.stems) {
          found = &m;
          taken = k - i;
          break;
        }
      }
      if (found == nullptr) {
        out.push_back(Rewrite(children[i]));
        ++i;
        continue;
      }
      const auto first = children.begin() + static_cast<std::ptrdiff_t>(i);
      const auto last = first + static_cast<std::ptrdiff_t>(taken);
      if (taken == 1) {
        out.push_back(SynonymOf(children[i], *found));
      } else if (op == Xapian::Query::OP_OR) {
        // Several words: each keeps its own weight, the other names come as one more.
        out.insert(out.end(), first, last);
        out.push_back(Alternatives(*found));
      } else {
        // All words required: the words, or another name instead.
        out.emplace_back(Xapian::Query::OP_OR, Xapian::Query(op, first, last), Alternatives(*found));
      }
      i += taken;
    }
    return out;
  }

  Match* Find(const std::vector<std::string>& stems) {
    for (Match& m : matches_) {
      if (m.stems == stems) return &m;
    }
    return nullptr;
  }

  // The other names as one term.
  static Xapian::Query Alternatives(Match& m) {
    m.applied = true;
    if (m.queries.size() == 1) return m.queries.front();
    return Xapian::Query(Xapian::Query::OP_SYNONYM, m.queries.begin(), m.queries.end());
  }

  static Xapian::Query SynonymOf(const Xapian::Query& original, Match& m) {
    m.applied = true;
    std::vector<Xapian::Query> alternatives{original};
    alternatives.insert(alternatives.end(), m.queries.begin(), m.queries.end());
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
  }

  std::vector<Match>& matches_;
};

}  // namespace

std::string SynonymKey(std::string_view name) {
  std::vector<std::string> folded;
  std::string single_raw;
  ForEachToken(name, [&](const Token& t) {
    folded.push_back(t.term);
    single_raw = std::string(t.raw);
  });
  if (folded.empty()) return {};
  if (folded.size() == 1) {
    if (const auto acronym = AcronymKey(single_raw)) return *acronym;
  }
  std::string key = fmt::format("{}", fmt::join(folded, " "));
  return key.size() > kMaxNameBytes ? std::string() : key;
}

Result<Synonyms> Synonyms::FromToml(std::string_view toml_text, std::string_view origin) {
  auto parsed = ParseDataToml(toml_text, origin);
  if (!parsed.ok()) return parsed.status();
  const toml::array* list = (*parsed)["synonym"].as_array();
  if (list == nullptr)
    return Status::InvalidArgument(std::string(origin) + ": no [[synonym]] tables (see docs/relevance.md)");
  Synonyms synonyms;
  std::size_t n = 0;
  for (const toml::node& node : *list) {
    ++n;
    const toml::table* t = node.as_table();
    const toml::array* terms = t != nullptr ? (*t)["terms"].as_array() : nullptr;
    SynonymGroup group;
    if (terms != nullptr) {
      for (const toml::node& term : *terms) {
        if (auto s = term.value<std::string>(); s && !SynonymKey(*s).empty()) group.push_back(extract::Trim(*s));
      }
    }
    if (group.size() < 2)
      return Status::InvalidArgument(
          fmt::format("{}: [[synonym]] number {} needs terms = [...] with two or more words "
                      "or phrases",
                      origin, n));
    synonyms.AddGroup(group);
  }
  return synonyms;
}

Result<Synonyms> Synonyms::Load(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Status::InvalidArgument("cannot read synonyms file " + path + ": it is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read synonyms file " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read synonyms file " + path);
  return FromToml(buf.str(), path);
}

void Synonyms::AddGroup(const SynonymGroup& group) {
  for (const auto& name : group) {
    const std::string key = SynonymKey(name);
    if (key.empty()) continue;
    auto& alternatives = by_key_[key];
    for (const auto& other : group) {
      if (SynonymKey(other) == key) continue;
      if (std::find(alternatives.begin(), alternatives.end(), other) == alternatives.end())
        alternatives.push_back(other);
    }
  }
}

bool Synonyms::HasKeyStartingWith(const std::string& prefix) const {
  const auto it = by_key_.lower_bound(prefix);
  return it != by_key_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> Synonyms::Alternatives(const std::string& key) const {
  const auto it = by_key_.find(key);
  return it == by_key_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<SynonymGroup> WrittenSynonyms(const std::vector<Organisation>& orgs, std::span<const std::string> title,
                                          std::span<const std::string> body) {
  auto written = [&](const std::string& name) {
    const std::vector<std::string> words = Terms(name);
    if (words.empty()) return false;
    const auto in = [&](std::span<const std::string> text) {
      return std::search(text.begin(), text.end(), words.begin(), words.end()) != text.end();
    };
    return in(title) || in(body);
  };
  std::vector<SynonymGroup> groups;
  for (const Organisation& org : orgs) {
    if (org.aliases.empty()) continue;
    SynonymGroup names;
    if (written(org.name)) names.push_back(org.name);
    for (const auto& alias : org.aliases) {
      if (written(alias)) names.push_back(alias);
    }
    if (names.size() >= 2) groups.push_back(std::move(names));
  }
  return groups;
}

void SynonymBatch::Add(const std::vector<SynonymGroup>& groups) {
  for (const auto& group : groups) {
    SynonymGroup sorted;
    for (const auto& name : group) {
      if (!IsLowerCaseTerm(name)) sorted.push_back(name);
    }
    if (sorted.size() < 2) continue;
    std::sort(sorted.begin(), sorted.end());
    std::uint64_t h = Fingerprint("synonyms");
    for (const auto& name : sorted) h = Fingerprint(std::string_view(name.c_str(), name.size() + 1), h);
    if (seen_.insert(h).second) pending_.push_back(std::move(sorted));
  }
}

std::vector<SynonymGroup> SynonymBatch::TakePending() {
  std::vector<SynonymGroup> pending;
  pending.swap(pending_);
  return pending;
}

void SynonymBatch::Flush(Xapian::WritableDatabase& db) { WriteSynonyms(db, TakePending()); }

void WriteSynonyms(Xapian::WritableDatabase& db, const std::vector<SynonymGroup>& groups) {
  for (const auto& group : groups) {
    for (const auto& name : group) {
      const std::string key = SynonymKey(name);
      if (key.empty()) continue;
      for (const auto& other : group) {
        if (other.size() > kMaxNameBytes || SynonymKey(other) == key || SynonymKey(other).empty()) continue;
        db.add_synonym(key, other);
      }
    }
  }
}

Xapian::Query ExpandSynonyms(const Xapian::Query& query, const std::vector<QueryWord>& words,
                             const Xapian::Database& db, const Synonyms* user, const Xapian::Stem& stemmer,
                             const Xapian::Stopper* stopper, std::vector<std::string>& explained) {
  // Excluded words too: what they exclude goes under every name.
  std::vector<QueryWord> plain;
  for (const auto& w : words) {
    if (!w.in_field && !w.wildcard) plain.push_back(w);
  }
  auto has_prefix = [&](const std::string& prefix) {
    return (user != nullptr && user->HasKeyStartingWith(prefix)) || DatabaseHasKeyStarting(db, prefix);
  };
  auto alternatives_of = [&](const std::string& key) {
    std::vector<std::string> out = user != nullptr ? user->Alternatives(key) : std::vector<std::string>{};
    AddDatabaseAlternatives(db, key, out);
    std::vector<std::string> unique;
    for (auto& a : out) {
      if (std::find(unique.begin(), unique.end(), a) == unique.end() && SynonymKey(a) != key)
        unique.push_back(std::move(a));
    }
    return unique;
  };

  // Keys among the words: the longest at each place, within a run, covering
  // whole chunks; a quoted phrase only as a whole.
  std::vector<Match> matches;
  std::size_t i = 0;
  while (i < plain.size()) {
    std::size_t run_end = i;
    while (run_end < plain.size() && plain[run_end].run == plain[i].run) ++run_end;
    const bool quoted = plain[i].quoted;
    std::size_t start = i;
    while (start < run_end) {
      std::size_t next_chunk = start;
      while (next_chunk < run_end && plain[next_chunk].chunk == plain[start].chunk) ++next_chunk;
      std::optional<Match> match;
      const auto acronym = next_chunk == start + 1 ? AcronymKey(plain[start].raw) : std::nullopt;
      // Most words start no key: one look at the key lists rules them out.
      if (acronym || has_prefix(plain[start].folded)) {
        for (std::size_t end = std::min(run_end, start + kMaxKeyWords); end > start && !match; --end) {
          if (end < run_end && plain[end].chunk == plain[end - 1].chunk) continue;  // would cut a chunk
          if (quoted && (start != i || end != run_end)) continue;
          std::vector<std::string> keys;
          if (acronym && end == start + 1) keys.push_back(*acronym);
          keys.push_back(JoinFolded(plain, start, end));
          for (const auto& key : keys) {
            auto alternatives = alternatives_of(key);
            if (alternatives.empty()) continue;
            Match m;
            m.key = std::string(plain[start].raw);
            for (std::size_t k = start + 1; k < end; ++k) m.key += " " + plain[k].raw;
            m.alternatives = std::move(alternatives);
            for (std::size_t k = start; k < end; ++k) {
              const bool alone = (k == start || plain[k - 1].chunk != plain[k].chunk) &&
                                 (k + 1 == end || plain[k + 1].chunk != plain[k].chunk);
              // QueryParser drops stopwords between plain words, never inside a phrase.
              if (!quoted && alone && stopper != nullptr && (*stopper)(plain[k].folded)) continue;
              m.stems.push_back(stemmer(plain[k].folded));
            }
            if (m.stems.empty()) continue;
            match = std::move(m);
            start = end;
            break;
          }
        }
      }
      if (match) {
        matches.push_back(std::move(*match));
      } else {
        start = next_chunk;
      }
    }
    i = run_end;
  }
  if (matches.empty()) return query;

  for (Match& m : matches) {
    // An alternative that contains the key or a shorter alternative adds
    // nothing ("ASEAN Secretariat (ASEC)" next to "ASEC"): every release it
    // matches is matched already.
    std::vector<std::vector<std::string>> forms{Terms(m.key)};
    for (const auto& alternative : m.alternatives) forms.push_back(Terms(alternative));
    std::vector<std::string> kept;
    for (std::size_t a = 1; a < forms.size(); ++a) {
      const bool subsumed = std::any_of(forms.begin(), forms.end(), [&](const std::vector<std::string>& other) {
        return &other != &forms[a] && !other.empty() && other.size() < forms[a].size() &&
               std::search(forms[a].begin(), forms[a].end(), other.begin(), other.end()) != forms[a].end();
      });
      // "U.N." and "UN" are one alternative once folded.
      const bool repeated = std::any_of(forms.begin() + 1, forms.begin() + static_cast<std::ptrdiff_t>(a),
                                        [&](const std::vector<std::string>& earlier) { return earlier == forms[a]; });
      if (!subsumed && !repeated && !forms[a].empty()) kept.push_back(m.alternatives[a - 1]);
    }
    m.alternatives = std::move(kept);
    for (const auto& alternative : m.alternatives) {
      const std::vector<std::string> terms = Terms(alternative);
      // A stopword alone ("the" in a user's group) would match nearly every
      // release: the query drops stopwords, and so do its synonyms.
      if (terms.size() == 1 && stopper != nullptr && (*stopper)(terms.front())) continue;
      std::vector<Xapian::Query> leaves;
      for (const auto& term : terms) leaves.emplace_back(stemmer(term));
      if (leaves.empty()) continue;
      if (leaves.size() == 1) {
        m.queries.push_back(leaves.front());
      } else {
        m.queries.emplace_back(Xapian::Query::OP_PHRASE, leaves.begin(), leaves.end(),
                               static_cast<Xapian::termcount>(leaves.size()));
      }
    }
  }
  std::erase_if(matches, [](const Match& m) { return m.queries.empty(); });
  if (matches.empty()) return query;
  std::stable_sort(matches.begin(), matches.end(),
                   [](const Match& a, const Match& b) { return a.stems.size() > b.stems.size(); });
  Rewriter rewriter(matches);
  Xapian::Query expanded = rewriter.Rewrite(query);
  for (const Match& m : matches) {
    if (m.applied) explained.push_back(fmt::format("{} = {}", m.key, fmt::join(m.alternatives, " | ")));
  }
  return expanded;
}

}  // namespace pressdex
