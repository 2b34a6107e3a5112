#include "common/index_state.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace pressdex {
namespace {

using nlohmann::json;

constexpr std::string_view kFilePrefix = "pressdex:file:";
constexpr std::string_view kFolderPrefix = "pressdex:folder:";
// Xapian keys are limited to about 245 bytes; longer paths are hashed (the
// path itself is in the value, so nothing is lost).
constexpr std::size_t kMaxKeyBytes = 200;

std::string Key(std::string_view prefix, std::string_view path) {
  std::string key(prefix);
  if (prefix.size() + path.size() <= kMaxKeyBytes) {
    key += path;
  } else {
    key += "#" + HexFingerprint(Fingerprint(path)) + HexFingerprint(Fingerprint(path, 0x84222325cbf29ce4ULL));
  }
  return key;
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::uint64_t Fingerprint(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string HexFingerprint(std::uint64_t value) { return fmt::format("{:016x}", value); }

std::string FileStateKey(std::string_view path) { return Key(kFilePrefix, path); }
std::string FolderStateKey(std::string_view folder) { return Key(kFolderPrefix, folder); }

std::string EncodeFileState(const FileState& s) {
  json j{{"path", s.path},
         {"folder", s.folder},
         {"size", s.size},
         {"mtime_ns", s.mtime_ns},
         {"content", s.content},
         {"settings", s.settings},
         {"boilerplate", s.boilerplate},
         {"documents", s.documents},
         {"problems", s.problems}};
  if (!s.definitions.empty()) {
    json& definitions = j["definitions"] = json::array();
    for (const AliasDefinition& d : s.definitions)
      definitions.push_back(json::array({d.acronym, d.long_form, d.count}));
  }
  return Dump(j);
}

Result<FileState> DecodeFileState(std::string_view encoded) {
  const json j = json::parse(encoded, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::Corruption("file state is not a JSON object");
  try {
    FileState s;
    s.path = j.at("path").get<std::string>();
    s.folder = j.at("folder").get<std::string>();
    s.size = j.at("size").get<long long>();
    s.mtime_ns = j.at("mtime_ns").get<long long>();
    s.content = j.at("content").get<std::string>();
    s.settings = j.at("settings").get<std::string>();
    s.boilerplate = j.at("boilerplate").get<std::string>();
    s.documents = j.at("documents").get<std::size_t>();
    s.problems = j.value("problems", std::vector<std::string>{});
    if (const auto it = j.find("definitions"); it != j.end()) {
      for (const json& d : *it)
        s.definitions.push_back(
            AliasDefinition{d.at(0).get<std::string>(), d.at(1).get<std::string>(), d.at(2).get<int>()});
    }
    return s;
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("file state: ") + e.what());
  }
}

std::string EncodeFolderState(const FolderState& s) {
  return Dump(json{{"folder", s.folder}, {"boilerplate", s.boilerplate}});
}

Result<FolderState> DecodeFolderState(std::string_view encoded) {
  const json j = json::parse(encoded, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::Corruption("folder state is not a JSON object");
  try {
    return FolderState{j.at("folder").get<std::string>(), j.at("boilerplate").get<std::string>()};
  } catch (const json::exception& e) {
    return Status::Corruption(std::string("folder state: ") + e.what());
  }
}

StoredState LoadStoredState(const Xapian::Database& db) {
  StoredState stored;
  const std::string file_prefix(kFilePrefix);
  for (auto it = db.metadata_keys_begin(file_prefix); it != db.metadata_keys_end(file_prefix); ++it) {
    auto state = DecodeFileState(db.get_metadata(*it));
    if (state.ok()) stored.files.insert(std::move(state.value()));
  }
  const std::string folder_prefix(kFolderPrefix);
  for (auto it = db.metadata_keys_begin(folder_prefix); it != db.metadata_keys_end(folder_prefix); ++it) {
    auto state = DecodeFolderState(db.get_metadata(*it));
    if (state.ok()) stored.folders.emplace(state->folder, std::move(state.value()));
  }
  return stored;
}

}  // namespace pressdex
