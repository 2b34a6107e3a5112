// The walker under hostile file systems: folders vanishing mid-walk, link
// loops, odd names. It must report, go on, and never throw.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "common/walker.h"
#include "tests/in_folder.h"
#include "tests/unit/scratch_dir.h"

namespace fs = std::filesystem;
using namespace pressdex;

namespace {

// A scratch folder to lay files out in.
struct Scratch {
  test::ScratchDir dir;
  fs::path root = dir.root();
  std::string Write(const std::string& relative, const std::string& content = "text\n") const {
    const fs::path p = root / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << content;
    return p.string();
  }
};

struct Seen {
  std::vector<std::string> files;
  std::map<std::string, std::string> errors;
  std::map<std::string, std::string> skips;
};

Seen WalkAll(const std::vector<std::string>& roots, WalkOptions options = {},
             const std::function<void(const WalkedFile&)>& also = {}) {
  Seen seen;
  WalkEvents events;
  events.on_file = [&](WalkedFile f) {
    if (also) also(f);
    seen.files.push_back(f.path);
  };
  events.on_error = [&](const std::string& p, const std::string& why) { seen.errors[p] = why; };
  events.on_skip = [&](const std::string& p, const std::string& why) { seen.skips[p] = why; };
  Walk(roots, options, events);
  return seen;
}

}  // namespace

TEST_CASE("walker: a folder that disappears mid-walk is reported and the walk goes on", "[walker]") {
  Scratch s;
  s.Write("a/one.txt");
  s.Write("b/two.txt");
  s.Write("c/three.txt");
  const std::string root = s.root.string();
  // While the walker is in a/, b/ goes away (it was listed, not yet visited).
  const Seen seen = WalkAll({root}, {}, [&](const WalkedFile& f) {
    if (f.path.find("/a/one.txt") != std::string::npos) fs::remove_all(s.root / "b");
  });
  REQUIRE(seen.files == std::vector<std::string>{root + "/a/one.txt", root + "/c/three.txt"});
  REQUIRE(seen.errors.count(root + "/b") == 1);
  CHECK_THAT(seen.errors.at(root + "/b"), Catch::Contains("vanished"));
}

TEST_CASE("walker: a file that disappears mid-walk is reported", "[walker]") {
  Scratch s;
  s.Write("a.txt");
  s.Write("b.txt");
  const std::string root = s.root.string();
  const Seen seen = WalkAll({root}, {}, [&](const WalkedFile& f) {
    if (f.path == root + "/a.txt") fs::remove(s.root / "b.txt");
  });
  REQUIRE(seen.files == std::vector<std::string>{root + "/a.txt"});
  REQUIRE(seen.errors.count(root + "/b.txt") == 1);
  CHECK_THAT(seen.errors.at(root + "/b.txt"), Catch::Contains("vanished"));
}

TEST_CASE("walker: symbolic link loops are errors when following, skips when not", "[walker]") {
  Scratch s;
  s.Write("x/file.txt");
  fs::create_directory_symlink("..", s.root / "x/up");
  fs::create_symlink("self.txt", s.root / "x/self.txt");
  fs::create_directory_symlink(s.root / "x", s.root / "second-way-in");
  const std::string root = s.root.string();

  WalkOptions follow;
  follow.follow_symlinks = true;
  const Seen followed = WalkAll({root}, follow);
  REQUIRE(followed.files == std::vector<std::string>{root + "/second-way-in/file.txt"});
  CHECK_THAT(followed.errors.at(root + "/second-way-in/up"), Catch::Contains("loop"));
  CHECK_THAT(followed.errors.at(root + "/second-way-in/self.txt"), Catch::Contains("loop"));
  // x/ itself is reached a second time through another link: skipped, not an error.
  CHECK(followed.skips.count(root + "/x") == 1);

  const Seen plain = WalkAll({root});
  REQUIRE(plain.files == std::vector<std::string>{root + "/x/file.txt"});
  CHECK(plain.errors.empty());
  CHECK(plain.skips.size() == 3);
}

TEST_CASE("walker: unreadable folders are errors (skipped as root)", "[walker]") {
  Scratch s;
  s.Write("locked/inside.txt");
  s.Write("open.txt");
  fs::permissions(s.root / "locked", fs::perms::none);
  const Seen seen = WalkAll({s.root.string()});
  fs::permissions(s.root / "locked", fs::perms::owner_all);
  if (geteuid() == 0) {
    WARN("running as root: folder permissions do not apply, unreadable-folder case not tested");
    return;
  }
  REQUIRE(seen.files == std::vector<std::string>{s.root.string() + "/open.txt"});
  CHECK_THAT(seen.errors.at(s.root.string() + "/locked"), Catch::Contains("ermission"));
}

TEST_CASE("walker: missing roots are errors, odd names are walked", "[walker]") {
  Scratch s;
  s.Write("new\nline.txt");
  s.Write("bad\xFFname.txt");
  const Seen seen = WalkAll({s.root.string(), (s.root / "missing").string()});
  CHECK(seen.files.size() == 2);
  CHECK(seen.errors.at((s.root / "missing").string()) == "no such file or folder");
}

TEST_CASE("walker: mtime_ns and size come from the file", "[walker]") {
  Scratch s;
  const std::string path = s.Write("a.txt", "12345");
  WalkedFile got;
  WalkAll({path}, {}, [&](const WalkedFile& f) { got = f; });
  CHECK(got.size == 5);
  CHECK(got.mtime_ns / 1'000'000'000LL == got.mtime);
  REQUIRE(got.folder);
  CHECK(*got.folder == s.root.string());
}

TEST_CASE("walker: paths for the index and for messages", "[walker]") {
  CHECK(PathForIndex("a/Việt.txt") == "a/Việt.txt");
  CHECK(PathForIndex("a/bad\xFF.txt") == "a/bad\\xFF.txt");
  CHECK(PathForIndex("cut\xC3") == "cut\\xC3");
  CHECK(PathForIndex("new\nline") == "new\nline");
  CHECK(PathForMessage("new\nline\t\x01.txt") == "new\\nline\\t\\x01.txt");
  CHECK(PathForMessage("bad\xFF") == "bad\\xFF");

  CHECK(PathIsUnder("corpus/a.txt", "corpus"));
  CHECK(PathIsUnder("corpus", "corpus"));
  CHECK_FALSE(PathIsUnder("corpus2/a.txt", "corpus"));
  CHECK(PathIsUnder("/x/y", "/"));
  CHECK(PathIsUnder("a/b.txt", "."));
  CHECK_FALSE(PathIsUnder("/abs/b.txt", "."));
  CHECK_FALSE(PathIsUnder("../up.txt", "."));
  CHECK(DisplayRoot("./a//b/") == "a/b");
}

TEST_CASE("walker: roots are made absolute from the folder the user's shell names", "[walker]") {
  Scratch s;
  fs::create_directories(s.root / "real/docs");
  fs::create_directory_symlink(s.root / "real", s.root / "link");
  const char* old_pwd = std::getenv("PWD");
  const std::string saved_pwd = old_pwd != nullptr ? old_pwd : "";
  std::string through_link, physical, absolute;
  {
    test::InFolder link(s.root / "link");  // getcwd() now says .../real
    ::setenv("PWD", (s.root / "link").c_str(), 1);
    through_link = AbsoluteRoot("docs/");
    ::setenv("PWD", "/", 1);  // a stale $PWD is not believed
    physical = AbsoluteRoot("./docs");
    absolute = AbsoluteRoot((s.root / "real/../link/docs").string());
  }
  ::setenv("PWD", saved_pwd.c_str(), 1);
  CHECK(through_link == (s.root / "link/docs").string());
  CHECK(physical == (fs::canonical(s.root) / "real/docs").string());
  CHECK(absolute == (s.root / "link/docs").string());  // tidied, links kept as written
}
