// Synonyms: names that mean the same thing ("ASEC", "ASEAN Secretariat"),
// so a free-text query for one also finds the others.
//
// Two sources. The indexer writes every organisation's names as extraction
// resolved them (gazetteer aliases and acronyms defined in the text) to the
// database's synonym table, which Xapian keeps per database and merges over
// several. The user may add groups from a TOML file (--synonyms FILE):
//
//   [[synonym]]
//   terms = ["COVID-19", "coronavirus", "SARS-CoV-2"]
//
// Expansion is done here rather than by QueryParser's FLAG_AUTO_SYNONYMS:
// Xapian inserts a synonym as one literal term, and most alternatives are
// several words ("ASEAN Secretariat") that must match as a phrase of stemmed
// words. The parsed query is rewritten instead. A word (or phrase) that is a
// key joins its alternatives in OP_SYNONYM, which scores them as one term,
// so a release naming both forms is not counted twice. A key of several
// plain words keeps them as they were (OP_SYNONYM over them all would score
// "information retrieval systems" as one common pseudo-word) and adds the
// alternatives beside them: ORed with --any, as "the words or another
// name" when all words are required.
//
// Keys are a name's folded words joined by spaces ("asean secretariat"),
// except that a one-word acronym keeps its capitals ("ASEC") and only
// expands when the query writes it in capitals: the gazetteer's rule, so
// that "who" in a question does not turn into the World Health Organization.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/query.h"
#include "common/release.h"
#include "common/status.h"

namespace pressdex {

// Names of one thing, as written.
using SynonymGroup = std::vector<std::string>;

// The key a name is looked up by (see above); "" for a name with no words.
std::string SynonymKey(std::string_view name);

// The user's synonym groups (--synonyms FILE).
class Synonyms {
 public:
  // InvalidArgument naming `origin` and the problem (syntax, a group without
  // two terms).
  static Result<Synonyms> FromToml(std::string_view toml, std::string_view origin);
  // NotFound when the file cannot be read.
  static Result<Synonyms> Load(const std::string& path);

  void AddGroup(const SynonymGroup& group);
  // The other names of `key`'s groups, as written; empty when none.
  std::vector<std::string> Alternatives(const std::string& key) const;
  bool HasKeyStartingWith(const std::string& prefix) const;
  std::size_t size() const { return by_key_.size(); }

 private:
  std::map<std::string, std::vector<std::string>> by_key_;
};

// The names of each organisation that the release itself writes, for those
// that write two or more: the release is the evidence that they name one
// thing. Extraction may give an organisation every alias the gazetteer
// knows, and resolve an acronym the text defines otherwise to the
// gazetteer's organisation ("Automated Information-Retrieval Systems (IRS)"
// is not the Internal Revenue Service); taking only the names written keeps
// such a resolution from turning one meaning into the other.
std::vector<SynonymGroup> WrittenSynonyms(const std::vector<Organisation>& orgs, std::span<const std::string> title,
                                          std::span<const std::string> body);

// Synonym groups found while indexing, written to the database's synonym
// table at commit. Each distinct group is written once per run. Names all in
// lower case are left out: they are terms an acronym was defined for, not
// names (see IsLowerCaseTerm in synonyms.cpp).
class SynonymBatch {
 public:
  void Add(const std::vector<SynonymGroup>& groups);
  // The groups added since the last flush (or take), to be written elsewhere.
  std::vector<SynonymGroup> TakePending();
  // Writes what was added since the last flush.
  void Flush(Xapian::WritableDatabase& db);

 private:
  std::set<std::uint64_t> seen_;
  std::vector<SynonymGroup> pending_;
};

// Adds each group's names as synonyms of each other to `db`'s synonym table.
void WriteSynonyms(Xapian::WritableDatabase& db, const std::vector<SynonymGroup>& groups);

// Rewrites `query` (as QueryParser made it from `words`) so that each key
// found among the free-text words also matches its alternatives: from
// `user` (may be null) and `db`'s synonym table. `stemmer` and `stopper` must
// be the ones the query was parsed with. Appends "KEY = ALT | ALT" for each
// expansion made to `explained`.
Xapian::Query ExpandSynonyms(const Xapian::Query& query, const std::vector<QueryWord>& words,
                             const Xapian::Database& db, const Synonyms* user, const Xapian::Stem& stemmer,
                             const Xapian::Stopper* stopper, std::vector<std::string>& explained);

}  // namespace pressdex
