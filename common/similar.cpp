#include "common/similar.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>

#include "common/paths.h"
#include "common/schema.h"
#include "common/stopwords.h"

namespace pressdex {
namespace {

// The ways one file may be written: as given, tidied ("./a//b" -> "a/b"),
// absolute as the indexer makes its roots (AbsoluteRoot: a symlinked working
// folder as $PWD names it), absolute through getcwd(), and relative to here
// (older indexers kept the path as their roots were given).
std::vector<std::string> PathForms(std::string_view written) {
  std::vector<std::string> forms{std::string(written)};
  auto add = [&](std::string form) {
    if (!form.empty() && std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(std::move(form));
  };
  const std::string shown = DisplayRoot(std::string(written));
  add(shown);
  add(PathForIndex(shown));
  add(PathForIndex(AbsoluteRoot(shown)));
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(std::filesystem::path(shown), ec).lexically_normal();
  if (!ec) {
    add(absolute.string());
    const auto here = std::filesystem::current_path(ec);
    if (!ec) {
      const std::string relative = absolute.lexically_relative(here).string();
      if (!relative.empty() && relative.rfind("..", 0) != 0) add(relative);
    }
  }
  return forms;
}

std::vector<Xapian::docid> Postings(const Xapian::Database& db, const std::string& term) {
  std::vector<Xapian::docid> ids;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) ids.push_back(*it);
  return ids;
}

// The words a release is about: unprefixed (prefixes are capitals), not a
// bare number, not a stopword of its language (a short release shares "the"
// with everything), and used by some other release (a word only the source
// has finds nothing).
class WordDecider : public Xapian::ExpandDecider {
 public:
  WordDecider(const Xapian::Database& db, Xapian::doccount sources, const Xapian::Stopper* stopper)
      : db_(db), sources_(sources), stopper_(stopper) {}
  bool operator()(const std::string& term) const override {
    if (term.size() < 2) return false;
    const unsigned char first = static_cast<unsigned char>(term[0]);
    if (first >= 'A' && first <= 'Z') return false;
    if (term.find_first_not_of("0123456789.,") == std::string::npos) return false;
    if (stopper_ != nullptr && (*stopper_)(term)) return false;
    return db_.get_termfreq(term) > sources_;
  }

 private:
  const Xapian::Database& db_;
  Xapian::doccount sources_;
  const Xapian::Stopper* stopper_;
};

}  // namespace

Result<LikeQuery> BuildLikeQuery(const Xapian::Database& db, std::string_view path_or_id) {
  LikeQuery like;
  std::string found;
  for (const auto& form : PathForms(path_or_id)) {
    like.sources = Postings(db, schema::IdTerm(form));
    if (like.sources.empty()) like.sources = Postings(db, schema::FileTerm(form));
    if (!like.sources.empty()) {
      found = form;
      break;
    }
  }
  if (like.sources.empty())
    return Status::InvalidArgument(fmt::format(
        "--like {}: no release with that id or path is indexed (give a path or id as the results show them)",
        path_or_id));

  Xapian::RSet rset;
  std::vector<Xapian::Query> exclude;
  std::string lang;
  for (const Xapian::docid did : like.sources) {
    rset.add_document(did);
    const auto data = schema::DecodeDocumentData(db.get_document(did).get_data());
    if (!data.ok()) continue;
    exclude.emplace_back(schema::IdTerm(data->id));
    if (lang.empty()) lang = data->lang;
  }
  Xapian::Enquire enquire(db);
  // Bo1 (divergence from randomness) favours words the release uses often and the
  // collection rarely; Xapian's default (trad) looks at rarity alone, which
  // picks a single release's one-off words.
  enquire.set_expansion_scheme("bo1");
  const WordDecider decider(db, static_cast<Xapian::doccount>(like.sources.size()), QueryStopperFor(lang));
  const Xapian::ESet eset = enquire.get_eset(kLikeTerms, rset, &decider);
  std::vector<Xapian::Query> words;
  const double top = eset.empty() ? 1.0 : eset.begin().get_weight();
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    like.terms.push_back(*it);
    // Each word counts as much as the ESet says it describes the release.
    words.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight() / top);
  }
  like.description = fmt::format("similar to {} ({} release{}): {}", found, like.sources.size(),
                                 like.sources.size() == 1 ? "" : "s", fmt::join(like.terms, " "));
  if (words.empty()) {
    like.query = Xapian::Query::MatchNothing;  // nothing it shares with any other release
    return like;
  }
  const Xapian::Query ranked(Xapian::Query::OP_OR, words.begin(), words.end());
  like.query = exclude.empty() ? ranked
                               : Xapian::Query(Xapian::Query::OP_AND_NOT, ranked,
                                               Xapian::Query(Xapian::Query::OP_OR, exclude.begin(), exclude.end()));
  return like;
}

}  // namespace pressdex
