// Runs part of a test in another working folder; the unit and end-to-end
// tests share it.
#pragma once

#include <filesystem>

namespace pressdex::test {

// Changes the working folder for the rest of the scope, and back after it.
class InFolder {
 public:
  explicit InFolder(const std::filesystem::path& folder) : previous_(std::filesystem::current_path()) {
    std::filesystem::current_path(folder);
  }
  ~InFolder() {
    std::error_code ec;
    std::filesystem::current_path(previous_, ec);
  }
  InFolder(const InFolder&) = delete;
  InFolder& operator=(const InFolder&) = delete;

 private:
  std::filesystem::path previous_;
};

}  // namespace pressdex::test
