// Shards: several databases searched as one, locally (--db twice, a stub
// file) and remotely (xapian-tcpsrv), give the answers one database gives.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>

#include "e2e/harness.h"
#include "e2e/search_json.h"

using namespace pressdex::test;
using nlohmann::json;

extern char** environ;

namespace {

std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const std::string candidate = dirs.substr(start, end - start) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

// A port nobody listens on right now (the kernel's pick).
int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

bool Accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// xapian-tcpsrv serving one database on 127.0.0.1, stopped when this goes.
class TcpServer {
 public:
  TcpServer(const std::string& binary, const std::string& db) {
    for (int attempt = 0; attempt < 5 && pid_ == 0; ++attempt) {
      port_ = FreePort();
      std::vector<std::string> args{binary, "--interface", "127.0.0.1", "--port", std::to_string(port_), "--quiet", db};
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      // Its own process group: on SIGTERM xapian-tcpsrv signals its whole
      // group (to end its forked children), which must not include us.
      pid_t pid = 0;
      const int rc = Spawn(&pid, binary.c_str(), nullptr, argv.data(), environ, /*own_group=*/true);
      if (rc != 0) continue;
      // Wait until it listens, or has died (port taken meanwhile): then try another port.
      for (int i = 0; i < 200; ++i) {
        if (Accepts(port_)) {
          pid_ = pid;
          break;
        }
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
      }
      if (pid_ == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
      }
    }
  }
  ~TcpServer() {
    if (pid_ != 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool running() const { return pid_ != 0; }
  int port() const { return port_; }

 private:
  pid_t pid_ = 0;
  int port_ = 0;
};

// A release naming kManyOrgs organisations (a list facet spread over as many slots).
constexpr int kManyOrgs = 45;
std::string ManyOrgsRelease() {
  json orgs = json::array();
  for (int i = 0; i < kManyOrgs; ++i) orgs.push_back("Consortium Member " + std::to_string(i));
  orgs.push_back("Consortium Member 7");  // named twice: still one release for it
  orgs.push_back("ASEAN Secretariat");
  const json release = {{"title", "Regional consortium signs flood resilience pact"},
                        {"body",
                         "JAKARTA, 3 March 2022 - Forty-five organisations signed a pact on flood "
                         "resilience and manyorgsword cooperation across the region."},
                        {"date", "2022-03-03"},
                        {"organisations", orgs},
                        {"topics", {"disaster", "environment", "climate", "disaster"}},
                        {"language", "en"}};
  return json::array({release}).dump(2);
}

// Two shards that together hold corpus/ (and one release naming many
// organisations, in the second), and one database of all of it.
struct Shards {
  TempDir dir;
  std::string all = dir / "all", a = dir / "a", b = dir / "b";
  Shards() {
    const std::string c = CorpusDir();
    WriteFile(dir / "extra/consortium.json", ManyOrgsRelease());
    const std::vector<std::string> first{c + "/asean", c + "/health", c + "/trade", c + "/json"};
    const std::vector<std::string> second{c + "/disaster",     c + "/education",  c + "/environment", c + "/security",
                                          c + "/multilingual", c + "/syndicated", dir / "extra"};
    // The single database gets the same two runs as the shards, so that
    // acronyms learned across a run's files are the same on both sides.
    for (const std::string& db : {all, a}) REQUIRE(IndexInto(db, first).exit_code == 0);
    for (const std::string& db : {all, b}) REQUIRE(IndexInto(db, second).exit_code == 0);
  }
  static RunResult IndexInto(const std::string& db, const std::vector<std::string>& roots) {
    std::vector<std::string> args{"--db", db, "-q"};
    args.insert(args.end(), roots.begin(), roots.end());
    return Index(args);
  }
};

// corpus/ in two shards, the second served by xapian-tcpsrv on loopback;
// null (the test is skipped, with a warning) without xapian-tools.
struct RemoteShards {
  Shards shards;
  TcpServer server;
  explicit RemoteShards(const std::string& tcpsrv) : server(tcpsrv, shards.b) {}
};
std::unique_ptr<RemoteShards> StartRemoteShards() {
  const std::string tcpsrv = FindOnPath("xapian-tcpsrv");
  if (tcpsrv.empty()) {
    WARN("xapian-tcpsrv not found (Debian package xapian-tools): remote shard test skipped");
    return nullptr;
  }
  auto remote = std::make_unique<RemoteShards>(tcpsrv);
  REQUIRE(remote->server.running());
  return remote;
}

// Every facet field, all values; dates as `date_facet` asks.
json Ask(std::vector<std::string> dbs, std::vector<std::string> query, const std::string& date_facet = "date:month") {
  std::vector<std::string> args;
  for (const auto& db : dbs) args.insert(args.end(), {"--db", db});
  args.insert(args.end(), {"--format", "json", "-n", "0", "--facet", date_facet});
  for (const char* field : {"org:0", "topic:0", "issuer:0", "lang:0", "place:0", "source:0"})
    args.insert(args.end(), {"--facet", field});
  args.insert(args.end(), query.begin(), query.end());
  const RunResult r = Search(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// Same matches, same order, same facet counts; scores equal to rounding.
void CheckSame(const json& one, const json& many) {
  CHECK(one.at("total") == many.at("total"));
  REQUIRE(one.at("results").size() == many.at("results").size());
  for (std::size_t i = 0; i < one.at("results").size(); ++i) {
    const auto& x = one.at("results")[i];
    const auto& y = many.at("results")[i];
    CHECK(x.at("id") == y.at("id"));
    CHECK(x.at("score").get<double>() == Approx(y.at("score").get<double>()).epsilon(1e-9));
  }
  CHECK(one.at("facets") == many.at("facets"));
}

const std::vector<std::vector<std::string>> kQueries = {{"--any", "asean", "health", "vaccine"},
                                                        {"covid"},
                                                        {"\"viet nam\""},
                                                        {"org:asec"},
                                                        {"--all"},
                                                        {"flood", "date:2022"},
                                                        {"manyorgsword"}};
const std::vector<std::string> kDateFacets = {"date", "date:year", "date:month", "date:day"};

// The facets compared are not trivially equal: every field has values, and
// the release naming many organisations counts each of them once.
void CheckFacetsHaveSubstance(const json& all) {
  for (const char* field : {"org", "topic", "issuer", "lang", "place", "source", "date"}) {
    INFO(field);
    CHECK(all.at("facets").at(field).at("values").size() >= 2);
  }
}
void CheckManyOrgs(const json& many) {
  REQUIRE(many.at("total") == 1);
  const json& orgs = many.at("facets").at("org").at("values");
  CHECK(orgs.size() >= kManyOrgs + 1);
  for (const json& v : orgs) CHECK(v.at("count") == 1);
}

}  // namespace

TEST_CASE("two local shards (--db twice, or a stub file) answer as one database", "[e2e][shards]") {
  Shards s;
  WriteFile(s.dir / "stub", "# two shards\nauto a\nauto " + s.b + "\n");
  for (const auto& q : kQueries) {
    INFO(q.front());
    const json one = Ask({s.all}, q);
    CheckSame(one, Ask({s.a, s.b}, q));
    CheckSame(one, Ask({s.dir / "stub"}, q));
  }
  CheckFacetsHaveSubstance(Ask({s.all}, {"--all"}));
  CheckManyOrgs(Ask({s.all}, {"manyorgsword"}));
}

TEST_CASE("a stub mixing a local shard and a remote one served by xapian-tcpsrv", "[e2e][shards][remote]") {
  const auto remote = StartRemoteShards();
  if (!remote) return;
  const Shards& s = remote->shards;
  const TcpServer& server = remote->server;
  // Both spellings of a remote line: Xapian 1.4's and the older "remote tcp".
  WriteFile(s.dir / "stub-new", "auto a\nremote 127.0.0.1:" + std::to_string(server.port()) + "\n");
  WriteFile(s.dir / "stub-old", "auto a\nremote tcp 127.0.0.1 " + std::to_string(server.port()) + "\n");
  // Facets over the remote shard are counted by Xapian's ValueCountMatchSpy
  // on the server and merged: every field, every date granularity.
  for (const auto& q : kQueries) {
    for (const std::string& date : kDateFacets) {
      INFO(q.front() << " " << date);
      const json one = Ask({s.all}, q, date);
      CheckSame(one, Ask({s.dir / "stub-new"}, q, date));
      CheckSame(one, Ask({s.dir / "stub-old"}, q, date));
    }
  }
  CheckFacetsHaveSubstance(Ask({s.dir / "stub-new"}, {"--all"}));
  CheckManyOrgs(Ask({s.dir / "stub-new"}, {"manyorgsword"}));  // it lives on the remote shard
}

// The query features of docs/relevance.md over a remote shard, as plain
// searches (no facets: totals then come from the matcher's own counts).
TEST_CASE("more like this, synonyms, collapsed totals and spelling over a remote shard", "[e2e][shards][remote]") {
  const auto remote = StartRemoteShards();
  if (!remote) return;
  const Shards& s = remote->shards;
  const TcpServer& server = remote->server;
  const std::string stub = s.dir / "stub";
  WriteFile(stub, "auto a\nremote 127.0.0.1:" + std::to_string(server.port()) + "\n");
  const std::string c = CorpusDir();
  const std::string remote_release = c + "/disaster/aha-centre-flood-relief-operation-mindanao-2022.txt";
  const std::string local_release = c + "/asean/asec-receives-masks-from-china-2020.txt";
  const std::vector<std::vector<std::string>> queries = {
      {"--like", remote_release},               // its terms read from the remote shard
      {"--like", remote_release, "date:2022"},  // a syndicated pair collapsed among few matches
      {"--like", local_release},
      {"ASEC"},                // the organisation's other names, from both shards' synonyms
      {"migrant", "workers"},  // the syndicated copies live on the remote shard
      {"--no-collapse", "migrant", "workers"}};
  for (const auto& q : queries) {
    INFO(q.front() << " " << q.back());
    std::vector<std::string> args{"-n", "50"};
    args.insert(args.end(), q.begin(), q.end());
    const json one = SearchJson(args, s.all);
    const json many = SearchJson(args, stub);
    CHECK(one.at("total") == many.at("total"));
    CHECK(many.at("exact") == true);
    REQUIRE(one.at("results").size() == many.at("results").size());
    for (std::size_t i = 0; i < one.at("results").size(); ++i) {
      CHECK(one.at("results")[i].at("id") == many.at("results")[i].at("id"));
      CHECK(one.at("results")[i].value("duplicates", 0) == many.at("results")[i].value("duplicates", 0));
    }
  }
  CHECK(SearchJson({"--like", remote_release}, stub).at("total") > 0);
  // Spelling tables are not served by xapian-tcpsrv: a word held only by the
  // local shard is still suggested; one held only remotely is not.
  CHECK(SearchJson({"ascean"}, stub).value("suggestion", "") == "asean");
  CHECK(SearchJson({"typhon"}, s.all).value("suggestion", "") == "typhoon");
  CHECK_FALSE(SearchJson({"typhon"}, stub).contains("suggestion"));
}

TEST_CASE("an unreachable remote shard is a database error naming it", "[e2e][shards][remote]") {
  TempDir dir;
  const int port = FreePort();
  WriteFile(dir / "stub", "remote tcp 127.0.0.1 " + std::to_string(port) + "\n");
  const RunResult r = Search({"--db", dir / "stub", "masks"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);
}

TEST_CASE("a malformed stub line is a database error naming the line", "[e2e][shards]") {
  TempDir dir;
  WriteFile(dir / "stub", "auto x\nremote nowhere\n");
  const RunResult r = Search({"--db", dir / "stub", "masks"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("stub:1") != std::string::npos);  // "auto x": no database x
}

TEST_CASE("a stub file that lists no database is a database error that says so", "[e2e][shards]") {
  TempDir dir;
  for (const std::string content : {"", "# nothing yet\n\n"}) {
    WriteFile(dir / "stub", content);
    const RunResult r = Search({"--db", dir / "stub", "asean"});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("lists no database") != std::string::npos);
  }
}
