// Markdown releases: optional front matter (YAML-style "---" block with flat
// keys and simple lists, or TOML "+++"), then Markdown reduced to plain text.
#include <toml++/toml.h>

#include <sstream>

#include "common/extract/text_util.h"
#include "common/normalize.h"
#include "common/readers.h"
#include "common/record_fields.h"

namespace pressdex {
namespace {

std::string Unquote(std::string s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    return s.substr(1, s.size() - 2);
  return s;
}

std::vector<std::string> InlineList(const std::string& value) {
  // [a, "b c", d]
  std::vector<std::string> out;
  for (std::string& item : extract::SplitList(std::string_view(value).substr(1, value.size() - 2))) {
    item = Unquote(std::move(item));
    if (!item.empty()) out.push_back(std::move(item));
  }
  return out;
}

void ParseYamlFrontMatter(std::string_view block, SourceRecord& r) {
  std::istringstream in{std::string(block)};
  std::string line;
  std::string list_key;
  std::vector<std::string> list_values;
  auto flush_list = [&] {
    if (!list_key.empty()) AssignHeaderField(r, list_key, list_values);
    list_key.clear();
    list_values.clear();
  };
  while (std::getline(in, line)) {
    const std::string trimmed = extract::Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    if (trimmed[0] == '-' && !list_key.empty()) {
      list_values.push_back(Unquote(extract::Trim(trimmed.substr(1))));
      continue;
    }
    flush_list();
    const auto colon = trimmed.find(':');
    if (colon == std::string::npos) continue;
    std::string key = extract::Trim(trimmed.substr(0, colon));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string value = extract::Trim(trimmed.substr(colon + 1));
    if (value.empty()) {
      list_key = key;  // a block list follows
    } else if (value.front() == '[' && value.back() == ']') {
      AssignHeaderField(r, key, InlineList(value));
    } else {
      AssignHeaderField(r, key, {Unquote(value)});
    }
  }
  flush_list();
}

void ParseTomlFrontMatter(std::string_view block, SourceRecord& r) {
  toml::table parsed;
  try {
    parsed = toml::parse(block);
  } catch (const toml::parse_error&) {
    return;  // malformed front matter: the body is still worth indexing
  }
  for (const auto& [key, node] : parsed) {
    std::vector<std::string> values;
    if (const auto* arr = node.as_array()) {
      for (const auto& item : *arr) {
        if (auto s = item.value<std::string>()) values.push_back(*s);
      }
    } else if (auto s = node.value<std::string>()) {
      values.push_back(*s);
    } else if (const auto* d = node.as_date()) {
      std::ostringstream os;
      os << *d;
      values.push_back(os.str());
    } else if (const auto* dt = node.as_date_time()) {
      std::ostringstream os;
      os << dt->get().date;
      values.push_back(os.str());
    }
    std::string k(key.str());
    for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    AssignHeaderField(r, k, values);
  }
}

// Removes inline Markdown: images, links (keeping their text), emphasis, code ticks.
std::string StripInline(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') {
      const auto close = line.find(']', i);
      const auto paren = close == std::string_view::npos ? close : line.find(')', close);
      if (paren != std::string_view::npos && close + 1 < line.size() && line[close + 1] == '(') {
        i = paren;  // images carry no release text
        continue;
      }
    }
    if (c == '[') {
      const auto close = line.find(']', i);
      if (close != std::string_view::npos && close + 1 < line.size() && line[close + 1] == '(') {
        const auto paren = line.find(')', close);
        if (paren != std::string_view::npos) {
          out += StripInline(line.substr(i + 1, close - i - 1));
          i = paren;
          continue;
        }
      }
    }
    if (c == '*' || c == '`' ||
        (c == '_' && (i == 0 || i + 1 == line.size() || line[i - 1] == ' ' || line[i + 1] == ' ')))
      continue;
    out.push_back(c);
  }
  return out;
}

}  // namespace

Result<ReadResult> ReadMarkdown(std::string_view text) {
  SourceRecord r;
  r.from_markup = true;
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  for (const std::string_view fence : {std::string_view("---"), std::string_view("+++")}) {
    if (body.substr(0, fence.size()) != fence) continue;
    const std::size_t first_nl = body.find('\n');
    if (first_nl == std::string_view::npos || extract::Trim(body.substr(0, first_nl)) != fence) continue;
    const std::string closing = "\n" + std::string(fence);
    const std::size_t end = body.find(closing, first_nl);
    if (end == std::string_view::npos) break;
    const std::string_view block = body.substr(first_nl + 1, end - first_nl);
    if (fence == "---")
      ParseYamlFrontMatter(block, r);
    else
      ParseTomlFrontMatter(block, r);
    const std::size_t after = body.find('\n', end + 1);
    body = after == std::string_view::npos ? std::string_view() : body.substr(after + 1);
    break;
  }

  std::string out;
  std::size_t start = 0;
  bool in_code = false;
  while (start < body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string line = extract::Trim(body.substr(start, end - start));
    start = end + 1;
    if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) {
      in_code = !in_code;
      continue;
    }
    if (in_code) continue;
    bool heading = false;
    if (!line.empty() && line[0] == '#') {
      const auto text_start = line.find_first_not_of('#');
      line = extract::Trim(text_start == std::string::npos ? std::string() : line.substr(text_start));
      heading = true;
    } else if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0 || line.rfind("+ ", 0) == 0) {
      line = line.substr(2);
    } else if (line.rfind("> ", 0) == 0) {
      line = line.substr(2);
    } else if (line.find_first_not_of("-=*_ ") == std::string::npos) {
      line.clear();  // rules and setext underlines
    }
    line = extract::Trim(StripInline(line));
    if (heading && r.title.empty() && !line.empty()) {
      r.title = line;
      continue;
    }
    if (line.empty()) {
      if (!out.empty() && out.back() != '\n') out += "\n\n";
      continue;
    }
    if (!out.empty() && out.back() != '\n') out.push_back(' ');
    out += line;
    if (heading) out += "\n\n";
  }
  r.text = extract::Trim(out);
  if (IsBlankText(r.title) && IsBlankText(r.text))
    return Status::InvalidArgument("Markdown file has no title and no text");
  ReadResult result;
  result.records.push_back(std::move(r));
  return result;
}

}  // namespace pressdex
