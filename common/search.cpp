#include "common/search.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "common/commit_race.h"
#include "common/normalize.h"
#include "common/ranking.h"
#include "common/similar.h"
#include "common/spelling.h"
#include "common/terminal.h"

namespace pressdex {

namespace {

// The databases a search reads: as Xapian combines them, and the local ones
// alone, whose revisions tell whether a commit landed during a search.
struct Shards {
  Xapian::Database all;
  std::vector<Xapian::Database> local;  // share their state with `all`: one reopen serves both
  bool has_remote = false;              // some shard is served by xapian-tcpsrv
};

}  // namespace

struct Searcher::Impl {
  Shards shards;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

const Xapian::Database& Searcher::database() const { return impl_->shards.all; }

namespace {

// Opens one database path: a database folder, a folder holding a XAPIANDB
// stub, or a stub file. Stub lines are read here rather than by Xapian so
// that both remote forms work: Xapian 1.4's "remote HOST:PORT" and the
// older "remote tcp HOST PORT".
Status AddPath(const std::string& path, Shards& shards);

Status AddStub(const std::filesystem::path& stub, Shards& shards) {
  std::ifstream in(stub);
  if (!in) return Status::IoError("cannot read stub file " + stub.string());
  const std::filesystem::path base = stub.parent_path();
  std::string line;
  int number = 0;
  int databases = 0;
  while (std::getline(in, line)) {
    ++number;
    std::istringstream words(line);
    std::vector<std::string> w{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
    if (w.empty() || w[0][0] == '#') continue;
    ++databases;
    const std::string where = stub.string() + ":" + std::to_string(number);
    if (w[0] == "remote") {
      std::string host;
      std::string port;
      if (w.size() == 4 && w[1] == "tcp") {
        host = w[2];
        port = w[3];
      } else if (w.size() == 2 && w[1].find(':') != std::string::npos) {
        host = w[1].substr(0, w[1].rfind(':'));
        port = w[1].substr(w[1].rfind(':') + 1);
      } else {
        return Status::Corruption(where + ": expected 'remote HOST:PORT' or 'remote tcp HOST PORT'");
      }
      if (host.empty()) host = "127.0.0.1";
      if (port.empty() || port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5)
        return Status::Corruption(where + ": bad port '" + TerminalSafe(port) + "'");
      try {
        shards.all.add_database(Xapian::Remote::open(host, static_cast<unsigned>(std::stoul(port))));
      } catch (const Xapian::Error& e) {
        return Status::IoError("cannot reach remote shard " + host + ":" + port + " (" + where + "): " + e.get_msg() +
                               " (is xapian-tcpsrv running there?)");
      }
      shards.has_remote = true;
    } else if ((w[0] == "auto" || w[0] == "glass" || w[0] == "chert") && w.size() == 2) {
      std::filesystem::path target(w[1]);
      if (target.is_relative()) target = base / target;
      if (Status s = AddPath(target.string(), shards); !s.ok()) {
        return s.code() == Status::Code::kNotFound ? Status::NotFound(where + ": " + s.message())
                                                   : Status::IoError(where + ": " + s.message());
      }
    } else {
      // A file given as --db that is no stub at all (a table file, a text
      // file) is a database that can't be opened, not a usage error; its
      // line is quoted only when it is short text.
      const bool text = line.size() <= 80 && line.find_first_of(std::string_view("\0\x1b", 2)) == std::string::npos;
      return Status::Corruption(
          where + ": not a Xapian stub file (" +
          (text ? "unknown stub line '" + TerminalSafe(line) + "'" : std::string("binary or long line")) +
          "); --db takes a database folder or a stub file");
    }
  }
  // Xapian reads an empty stub as a database of nothing, which no search can use.
  if (databases == 0) return Status::Corruption("stub file " + stub.string() + " lists no database");
  return Status::Ok();
}

Status AddPath(const std::string& path, Shards& shards) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Status::NotFound("no database at " + path + ": create it with `pressdex-index --db " + path + " FOLDER...`");
  if (std::filesystem::is_regular_file(path, ec)) return AddStub(path, shards);
  if (const auto stub = std::filesystem::path(path) / "XAPIANDB"; std::filesystem::is_regular_file(stub, ec))
    return AddStub(stub, shards);
  try {
    // An indexer committing while the tables open can discard the revision
    // being opened: open again at the newer one. Glass can also report that
    // race as corruption (a block of the old revision already reused: 2 in
    // 400 runs of the concurrent e2e test under load); it is the race only
    // when a commit landed meanwhile, else the database is damaged.
    for (int attempt = 0;; ++attempt) {
      const std::optional<CommitStamp> version = CommitStampOf(path);
      try {
        shards.local.emplace_back(path);
        shards.all.add_database(shards.local.back());
        break;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= 9) throw;
      } catch (const Xapian::DatabaseCorruptError&) {
        if (attempt >= 9 || !version || CommitStampOf(path) == version) throw;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1 << attempt));
    }
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status::IoError("cannot open database " + path + ": " + e.get_msg() +
                           " (is it a Pressdex database? create one with `pressdex-index --db " + path +
                           " FOLDER...`)");
  } catch (const Xapian::Error& e) {
    return Status::IoError("cannot open database " + path + ": " + e.get_description());
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::vector<std::string>& paths) {
  auto impl = std::make_unique<Impl>();
  for (const auto& path : paths) {
    if (Status s = AddPath(path, impl->shards); !s.ok()) return s;
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

namespace {

struct Match {
  Xapian::docid docid;
  double weight;
  Xapian::Document document;
  std::string collapse_key;             // the near-duplicate cluster, when collapsing
  Xapian::doccount collapse_count = 0;  // near-duplicates collapsed into it (a lower bound, see CountDuplicates)
};

Match MatchAt(const Xapian::MSetIterator& it) {
  return Match{*it, it.get_weight(), it.get_document(), it.get_collapse_key(), it.get_collapse_count()};
}

std::vector<Match> AllOf(const Xapian::MSet& mset) {
  std::vector<Match> matches;
  matches.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) matches.push_back(MatchAt(it));
  return matches;
}

// Matches [first, first + count) by relevance, equal scores newest first
// and then by id (the sort key), then by docid: what
// Enquire::set_sort_by_relevance_then_value(kSortKeySlot) gives, without its
// cost: that sort reads the key of every candidate the matcher weighs, one
// value-stream lookup each (on Reuters three times the block reads of the
// rest of a top-10 search). Here the matcher ranks by relevance alone, one
// result past the page; the page's ties are ordered by their keys afterwards.
// Only when a tie straddles the page's end (the next result scores the same
// as the last one) can't the page's members be known without every tied
// key: then the sorted match is run after all. `mset` is the MSet the totals
// come from.
std::vector<Match> RelevancePage(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount count,
                                 Xapian::doccount check_at_least, Xapian::doccount doccount, Xapian::MSet& mset) {
  const std::uint64_t want = std::uint64_t{first} + count;
  const auto ask = static_cast<Xapian::doccount>(std::min<std::uint64_t>(want + 1, std::max(doccount, count)));
  mset = enquire.get_mset(0, ask, check_at_least);
  const std::size_t size = mset.size();
  if (want > 0 && size > want &&
      mset[static_cast<Xapian::doccount>(want - 1)].get_weight() ==
          mset[static_cast<Xapian::doccount>(want)].get_weight()) {
    // The first match already saw every document a facet spy must count.
    enquire.clear_matchspies();
    enquire.set_sort_by_relevance_then_value(schema::kSortKeySlot, false);
    mset = enquire.get_mset(first, count, check_at_least);
    return AllOf(mset);
  }
  // Runs of equal score (the MSet has them in docid order) that reach into
  // the page are reordered by key; only their keys are read.
  const auto end = static_cast<Xapian::doccount>(std::min<std::uint64_t>(size, want));
  std::vector<Xapian::doccount> order(end);
  std::vector<double> weight(end);
  for (Xapian::doccount i = 0; i < end; ++i) {
    order[i] = i;
    weight[i] = mset[i].get_weight();
  }
  std::vector<std::string> key(end);
  for (Xapian::doccount begin = 0; begin < end;) {
    Xapian::doccount stop = begin + 1;
    while (stop < end && weight[stop] == weight[begin]) ++stop;
    if (stop - begin > 1 && stop > first) {
      for (Xapian::doccount i = begin; i < stop; ++i) key[i] = mset[i].get_document().get_value(schema::kSortKeySlot);
      std::stable_sort(order.begin() + begin, order.begin() + stop,
                       [&](Xapian::doccount a, Xapian::doccount b) { return key[a] < key[b]; });
    }
    begin = stop;
  }
  std::vector<Match> page;
  for (Xapian::doccount i = first; i < end; ++i) page.push_back(MatchAt(mset[order[i]]));
  return page;
}

// The first `count` results from `first` on, in their final order.
using RankedPage = std::function<std::vector<Match>(Xapian::doccount first, Xapian::doccount count)>;

// Results [first, first + count) with near-duplicates collapsed: each
// cluster (common/near_dup.h) shows its best-ranked release, with how many
// of the others ranked above the page's end (a lower bound: CountDuplicates
// makes it exact). Done on the ranked list rather than with
// Enquire::set_collapse_key, which reads the cluster key of every document
// the matcher weighs (657 value-stream lookups for 'oil prices' on Reuters,
// ~0.5M instructions of a 7.1M-instruction one-shot search): here only the
// keys of the results down to the page's end are read, in windows that grow
// until the page is full or the matches run out. Match spies (facets) see
// every match in the first window's match; later windows run without them.
std::vector<Match> CollapsedPage(Xapian::Enquire& enquire, const RankedPage& ranked, Xapian::doccount first,
                                 Xapian::doccount count, Xapian::doccount doccount) {
  const std::uint64_t want = std::uint64_t{first} + count;
  std::uint64_t window = std::max<std::uint64_t>(2 * want, want + 10);
  for (;;) {
    const auto asked = static_cast<Xapian::doccount>(std::min<std::uint64_t>(window, doccount));
    std::vector<Match> results = ranked(0, asked);
    enquire.clear_matchspies();
    std::vector<Match> kept;
    std::unordered_map<std::string, std::size_t> cluster_at;  // key -> index in kept
    for (Match& match : results) {
      // The page is full: the rest's keys are not read (each is a value
      // lookup). Their duplicates are counted by CountDuplicates.
      if (kept.size() >= want) break;
      match.collapse_key = match.document.get_value(schema::kClusterSlot);
      if (!match.collapse_key.empty()) {
        const auto [at, fresh] = cluster_at.try_emplace(match.collapse_key, kept.size());
        if (!fresh) {
          ++kept[at->second].collapse_count;
          continue;
        }
      }
      kept.push_back(std::move(match));
    }
    if (kept.size() >= want || results.size() < asked || asked == doccount) {
      if (kept.size() <= first) return {};
      const auto end = static_cast<std::size_t>(std::min<std::uint64_t>(kept.size(), want));
      return {std::make_move_iterator(kept.begin() + first), std::make_move_iterator(kept.begin() + end)};
    }
    window *= 4;
  }
}

Result<ParsedQuery> Understand(const Xapian::Database& db, const SearchRequest& request) {
  ParsedQuery parsed;
  if (!request.query.empty() || !request.match_all) {
    auto result = ParseQuery(request.query, request.query_options, db);
    if (!result.ok()) return result.status();
    parsed = std::move(result.value());
  } else {
    parsed.query = Xapian::Query::MatchAll;
  }
  if (request.like.empty()) return parsed;
  // --like: the release's words rank; whatever the user typed narrows.
  auto like = BuildLikeQuery(db, request.like);
  if (!like.ok()) return like.status();
  parsed.query =
      request.query.empty() ? like->query : Xapian::Query(Xapian::Query::OP_FILTER, like->query, parsed.query);
  parsed.terms.insert(parsed.terms.end(), like->terms.begin(), like->terms.end());
  parsed.like = std::move(like->description);
  parsed.has_text = true;
  return parsed;
}

// Exact near-duplicate counts for the hits shown. Xapian's collapse counts
// are only lower bounds unless the matcher saw every match; one more match
// restricted to the hits' clusters (a few short posting lists) counts them.
void CountDuplicates(const Xapian::Database& db, const Xapian::Query& query, std::vector<SearchHit>& hits,
                     const std::vector<std::string>& keys) {
  // Most releases are alone in their cluster: the key term's frequency says
  // so without a match (ten lookups instead of an Enquire, ~0.35M instructions
  // of a one-shot text or json search on Reuters).
  std::vector<Xapian::Query> clusters;
  for (const auto& key : keys) {
    if (key.empty()) continue;
    std::string term = std::string(schema::kClusterPrefix) + key;
    if (db.get_termfreq(term) > 1) clusters.emplace_back(std::move(term));
  }
  if (clusters.empty()) return;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(Xapian::Query::OP_OR, clusters.begin(), clusters.end())));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy spy(schema::kClusterSlot);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  std::map<std::string, Xapian::doccount> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] = it.get_termfreq();
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const auto it = counts.find(keys[i]);
    if (it != counts.end() && it->second > 0) hits[i].duplicates = it->second - 1;
  }
}

// A corrected query when this one finds few releases and the correction finds more.
std::string Suggestion(const Xapian::Database& db, const SearchRequest& request, const ParsedQuery& parsed,
                       Xapian::doccount found) {
  const std::string corrected = CorrectSpelling(db, SanitizeUtf8(request.query), parsed.words);
  if (corrected.empty()) return {};
  auto alternative = ParseQuery(corrected, request.query_options, db);
  if (!alternative.ok()) return {};
  Xapian::Enquire enquire(db);
  enquire.set_query(alternative->query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet mset = enquire.get_mset(0, 0, found + 1);
  return mset.get_matches_lower_bound() > found ? corrected : std::string();
}

Result<SearchResponse> SearchOnce(Xapian::Database& db, const SearchRequest& request, bool has_remote) {
  SearchResponse response;
  response.query = request.query;
  response.offset = request.offset;

  auto understood = Understand(db, request);
  if (!understood.ok()) return understood.status();
  ParsedQuery parsed = std::move(understood.value());
  response.parsed = parsed.query.get_description();

  if (!request.hits && request.facets.empty()) {
    // The total alone: a boolean match counts every release without
    // weighing or reading one: 5.9M -> 3.8M instructions for a one-shot
    // count of 'oil' on Reuters (ranking it read the sort keys of every tie).
    Xapian::Enquire count(db);
    count.set_query(parsed.query);
    count.set_weighting_scheme(Xapian::BoolWeight());
    response.total = count.get_mset(0, 0, db.get_doccount()).get_matches_lower_bound();
    response.exact = true;
    response.understood = std::move(parsed);
    return response;
  }

  Xapian::Enquire enquire(db);
  enquire.set_query(parsed.query);
  enquire.set_weighting_scheme(RankingWeight());  // common/ranking.h
  const bool by_relevance = request.sort == SortOrder::kRelevance && parsed.has_text;
  if (!by_relevance) enquire.set_sort_by_value_then_relevance(schema::kSortKeySlot, request.sort == SortOrder::kOldest);
  // Near-duplicates (common/near_dup.h) are collapsed here on the ranked list
  // (CollapsedPage); over remote shards by Xapian, on the servers.
  const bool collapse_remotely = request.collapse && has_remote;
  if (collapse_remotely) enquire.set_collapse_key(schema::kClusterSlot);

  // Facets count the whole match set, so the matcher must see every match
  // (which also makes the total exact). The collector outlives get_mset.
  std::optional<FacetCollector> facets;
  if (!request.facets.empty()) {
    // A stock xapian-tcpsrv only rebuilds Xapian's own match spies: over
    // remote shards count with those, on the servers (see FacetCounter).
    facets.emplace(request.facets, has_remote ? FacetCounter::kValueCount : FacetCounter::kFacetSpy);
    facets->Attach(enquire, db);
  }
  const Xapian::doccount doccount = db.get_doccount();
  // Xapian counts in 32 bits; a page beyond every release is simply empty.
  const Xapian::doccount limit =
      request.limit == 0 ? doccount : static_cast<Xapian::doccount>(std::min<std::size_t>(request.limit, doccount));
  const bool every_match = request.exact_total || facets;
  const Xapian::doccount check_at_least = every_match ? doccount : std::max<Xapian::doccount>(limit, 100);
  Xapian::MSet mset;
  const RankedPage ranked = [&](Xapian::doccount first, Xapian::doccount count) {
    if (by_relevance) return RelevancePage(enquire, first, count, check_at_least, doccount, mset);
    mset = enquire.get_mset(first, count, check_at_least);
    return AllOf(mset);
  };
  const auto offset = static_cast<Xapian::doccount>(std::min<std::size_t>(request.offset, doccount));
  std::vector<Match> page = request.collapse && !collapse_remotely
                                ? CollapsedPage(enquire, ranked, offset, limit, doccount)
                                : ranked(offset, limit);
  if (facets) response.facets = facets->Results();

  // Xapian's collapse counts are exact when the matcher saw every match;
  // CollapsedPage's are counted by CountDuplicates.
  bool saw_every_match = every_match && collapse_remotely;
  if (!collapse_remotely) {  // the MSet counts releases
    response.total = mset.get_matches_estimated();
    response.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    if (response.exact) response.total = mset.get_matches_lower_bound();
  } else if (!every_match && mset.get_matches_upper_bound() >= check_at_least) {
    // Many matches: Xapian's estimate. (Below check_at_least the estimate
    // merged from remote shards can be short of the matches the page shows,
    // so those few are counted below.)
    response.total = mset.get_uncollapsed_matches_estimated();
    response.exact = mset.get_uncollapsed_matches_lower_bound() == mset.get_uncollapsed_matches_upper_bound();
    if (response.exact) response.total = mset.get_uncollapsed_matches_lower_bound();
  } else {
    // A custom spy can't run on xapian-tcpsrv: count in a match of its own.
    Xapian::Enquire count(db);
    count.set_query(parsed.query);
    count.set_weighting_scheme(Xapian::BoolWeight());
    response.total = count.get_mset(0, 0, doccount).get_matches_lower_bound();
    response.exact = true;
  }

  SnippetRequest snippet_request;
  snippet_request.terms = parsed.terms;
  snippet_request.wildcard_stems = parsed.wildcard_stems;
  snippet_request.max_bytes = request.snippet_bytes;
  std::size_t rank = request.offset;
  std::vector<std::string> cluster_keys;
  for (const Match& match : page) {
    SearchHit hit;
    hit.rank = ++rank;
    hit.docid = match.docid;
    hit.score = match.weight;
    if (request.collapse) {
      cluster_keys.push_back(match.collapse_key);
      hit.duplicates = match.collapse_count;
    }
    const Xapian::Document& document = match.document;
    auto data = schema::DecodeDocumentData(document.get_data());
    if (data.ok()) hit.doc = std::move(data.value());
    if (request.snippets) {
      // The body is read only for snippets (older databases kept it in the data).
      if (hit.doc.text.empty()) hit.doc.text = document.get_value(schema::kTextSlot);
      snippet_request.lang = hit.doc.lang;
      hit.snippet = MakeSnippet(hit.doc.text, snippet_request);
    }
    response.hits.push_back(std::move(hit));
  }
  if (request.collapse && request.duplicate_counts && !saw_every_match && !response.hits.empty())
    CountDuplicates(db, parsed.query, response.hits, cluster_keys);
  if (request.suggest && request.like.empty() && parsed.has_text && response.total < kFewHits)
    response.suggestion = Suggestion(db, request, parsed, mset.get_uncollapsed_matches_upper_bound());
  response.understood = std::move(parsed);
  return response;
}

// The commit each local shard is at.
std::vector<Xapian::rev> Revisions(const Shards& shards) {
  std::vector<Xapian::rev> revisions;
  revisions.reserve(shards.local.size());
  for (const auto& shard : shards.local) revisions.push_back(shard.get_revision());
  return revisions;
}

// Whether a commit landed on a local shard since it was at `read`; moves
// the shards to the newest commit. Remote shards are not asked (a round
// trip each): their servers read their own databases.
bool CommitLanded(Shards& shards, const std::vector<Xapian::rev>& read) {
  bool reopened = false;
  for (auto& shard : shards.local) reopened = shard.reopen() || reopened;
  return reopened && Revisions(shards) != read;
}

}  // namespace

Result<SearchResponse> Searcher::Search(const SearchRequest& request) {
  // Every search starts at the latest commit, also the thousandth of a batch
  // (cheap: a look at the version file when nothing changed). A reader is
  // safe from the writer reusing its blocks only until the commit after the
  // one it reads: then the writer may overwrite them. Xapian notices most
  // such blocks (DatabaseModifiedError, or one of the errors commit_race.h
  // names), but not all: one can be read as wrong data without an error (a
  // term's postings went missing in about 1 in 250 runs of the concurrent
  // e2e test; docs/scripting.md). So a search during which a commit landed
  // is done again at the new commit, pausing a little longer each time so
  // an indexer committing in quick succession leaves a gap.
  constexpr int kAttempts = 10;  // pauses 1+2+...+256 ms: about half a second at worst
  Shards& shards = impl_->shards;
  for (int attempt = 0;; ++attempt) {
    try {
      shards.all.reopen();
      const std::vector<Xapian::rev> read = Revisions(shards);
      auto response = SearchOnce(shards.all, request, shards.has_remote);
      // Without a pause in the commits, the last answer (a wrong read is rare).
      if (!CommitLanded(shards, read) || attempt + 1 >= kAttempts) return response;
    } catch (const Xapian::Error& e) {
      // The race can also be reported as another error (see commit_race.h):
      // it was the race when a newer commit has landed, else a real error.
      const bool modified = std::string_view(e.get_type()) == "DatabaseModifiedError";
      if (!MayBeCommitRace(e) || (!modified && !shards.all.reopen()))
        return Status::IoError("search failed: " + e.get_description());
      if (attempt + 1 >= kAttempts)
        return Status::IoError("the database kept changing during the search (an indexer is committing); try again");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1 << attempt));
  }
}

}  // namespace pressdex
