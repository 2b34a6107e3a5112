#include "common/commit_race.h"

#include <sys/stat.h>

#include <string_view>

namespace pressdex {

bool MayBeCommitRace(const Xapian::Error& e) {
  // Xapian::Error has no virtual functions to dynamic_cast by: its type name says.
  const std::string_view type = e.get_type();
  return type == "DatabaseModifiedError" || type == "DatabaseCorruptError" || type == "DocNotFoundError";
}

std::optional<CommitStamp> CommitStampOf(const std::string& path) {
  struct stat st {};
  if (::stat((path + "/iamglass").c_str(), &st) != 0) return std::nullopt;
  return CommitStamp{st.st_ino, st.st_mtim};
}

}  // namespace pressdex
