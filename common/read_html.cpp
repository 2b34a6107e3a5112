// HTML releases through gumbo (an HTML5-conformant parser, so broken markup
// still yields a tree). Page chrome (nav, header, footer, aside, forms) is
// skipped; <article> or <main> is preferred to the whole <body>.
#include <gumbo.h>
#include <pthread.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "common/extract/text_util.h"
#include "common/normalize.h"
#include "common/readers.h"

namespace pressdex {
namespace {

struct GumboDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MENU: return true;
    default: return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_TIME: return true;
    default: return false;
  }
}

const char* Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

bool HasSkippedRole(const GumboNode* node) {
  const char* role = Attr(node, "role");
  if (role == nullptr) return false;
  return std::strcmp(role, "navigation") == 0 || std::strcmp(role, "banner") == 0 ||
         std::strcmp(role, "contentinfo") == 0 || std::strcmp(role, "complementary") == 0;
}

void AppendText(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    // Collapse runs of whitespace the way a browser renders them.
    for (const char* p = node->v.text.text; *p != '\0'; ++p) {
      const char c = *p;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
      } else {
        out.push_back(c);
      }
    }
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  const GumboTag tag = node->v.element.tag;
  if (IsSkipped(tag) || HasSkippedRole(node)) return;
  const bool block = IsBlock(tag);
  auto paragraph_break = [&] {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && out.back() != '\n') out += "\n\n";
  };
  if (block) paragraph_break();
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) AppendText(static_cast<const GumboNode*>(children.data[i]), out);
  if (block) paragraph_break();
}

// Depth-first search for the first element with `tag` outside skipped chrome.
const GumboNode* Find(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == tag) return node;
  if (IsSkipped(node->v.element.tag) && node->v.element.tag != GUMBO_TAG_HEADER) return nullptr;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    if (const GumboNode* found = Find(static_cast<const GumboNode*>(children.data[i]), tag)) return found;
  }
  return nullptr;
}

std::string TextOf(const GumboNode* node) {
  std::string out;
  if (node == nullptr) return out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) AppendText(static_cast<const GumboNode*>(children.data[i]), out);
  std::string collapsed;
  for (const char c : out) collapsed.push_back(c == '\n' ? ' ' : c);
  return extract::Trim(collapsed);
}

void ReadMeta(const GumboNode* node, SourceRecord& r, std::string& og_title) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_META) {
    const char* key = Attr(node, "property");
    if (key == nullptr) key = Attr(node, "name");
    if (key == nullptr) key = Attr(node, "itemprop");
    const char* content = Attr(node, "content");
    if (key != nullptr && content != nullptr) {
      const std::string k = key;
      if ((k == "article:published_time" || k == "datePublished" || k == "date" || k == "dc.date" || k == "DC.date" ||
           k == "pubdate" || k == "publish-date" || k == "og:published_time") &&
          r.meta.date.empty())
        r.meta.date = content;
      else if (k == "og:title")
        og_title = content;
      else if (k == "og:url" && r.meta.url.empty())
        r.meta.url = content;
      else if (k == "keywords" || k == "news_keywords" || k == "article:tag") {
        for (std::string& item : extract::SplitList(content)) r.meta.keywords.push_back(std::move(item));
      } else if (k == "article:section")
        r.meta.topics.emplace_back(content);
      else if ((k == "og:site_name" || k == "author" || k == "publisher" || k == "article:publisher") &&
               r.meta.issuer.empty())
        r.meta.issuer = content;
      else if (k == "language" || k == "content-language" || k == "og:locale") {
        if (r.meta.language.empty()) r.meta.language = content;
      }
    }
  } else if (tag == GUMBO_TAG_TIME && r.meta.date.empty()) {
    if (const char* dt = Attr(node, "datetime")) r.meta.date = dt;
  } else if (tag == GUMBO_TAG_HTML) {
    if (const char* lang = Attr(node, "lang")) r.meta.language = lang;
  } else if (tag == GUMBO_TAG_LINK) {
    const char* rel = Attr(node, "rel");
    const char* href = Attr(node, "href");
    if (rel != nullptr && href != nullptr && std::strcmp(rel, "canonical") == 0) r.meta.url = href;
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) ReadMeta(static_cast<const GumboNode*>(children.data[i]), r, og_title);
}

Result<ReadResult> ParseHtml(std::string_view text) {
  GumboOptions options = kGumboDefaultOptions;
  // Parse errors are not used; recording them copies the stack of open
  // elements each time, which is quadratic in the nesting depth.
  options.max_errors = 0;
  std::unique_ptr<GumboOutput, GumboDeleter> output(gumbo_parse_with_options(&options, text.data(), text.size()));
  if (!output || output->root == nullptr) return Status::InvalidArgument("HTML could not be parsed");
  const GumboNode* root = output->root;
  SourceRecord r;
  r.from_markup = true;
  std::string og_title;
  ReadMeta(root, r, og_title);

  const GumboNode* container = Find(root, GUMBO_TAG_ARTICLE);
  if (container == nullptr) container = Find(root, GUMBO_TAG_MAIN);
  if (container == nullptr) container = Find(root, GUMBO_TAG_BODY);
  // Headings name the release better than <title>, which usually carries " | Site".
  const GumboNode* h1 = container != nullptr ? Find(container, GUMBO_TAG_H1) : nullptr;
  if (h1 == nullptr) h1 = Find(root, GUMBO_TAG_H1);
  r.title = TextOf(h1);
  if (r.title.empty()) r.title = extract::Trim(og_title);
  if (r.title.empty()) r.title = TextOf(Find(root, GUMBO_TAG_TITLE));

  std::string body;
  if (container != nullptr) {
    const GumboVector& children = container->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child == h1) continue;  // the title is not body text
      AppendText(child, body);
    }
  }
  r.text = extract::Trim(body);
  if (IsBlankText(r.title) && IsBlankText(r.text)) return Status::InvalidArgument("HTML has no title and no body text");
  ReadResult result;
  result.records.push_back(std::move(r));
  return result;
}

// An upper bound on how deep the elements of `text` nest, from a quick scan of
// its tags. HTML5 tree construction looks through the stack of open elements
// for most start tags, so parsing is quadratic in the depth: 30,000 unclosed
// <div>s take seconds, 300,000 minutes. No real page nests thousands deep.
std::size_t EstimatedNestingDepth(std::string_view text) {
  auto lower_name = [&](std::size_t at) {
    std::string name;
    while (at < text.size() && name.size() < 16 && (std::isalnum(static_cast<unsigned char>(text[at])) != 0))
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[at++]))));
    return name;
  };
  // Elements that never hold children, or whose end tag is implied by the next sibling.
  static const std::set<std::string, std::less<>> kFlat = {
      "area",  "base",  "br",       "col",     "embed", "hr", "img",    "input",    "link", "meta", "param", "source",
      "track", "wbr",   "p",        "li",      "dt",    "dd", "option", "optgroup", "tr",   "td",   "th",    "thead",
      "tbody", "tfoot", "colgroup", "caption", "rb",    "rt", "rp",     "rtc",      "html", "head", "body"};
  std::size_t depth = 0, deepest = 0, i = 0;
  while ((i = text.find('<', i)) != std::string_view::npos) {
    ++i;
    if (text.substr(i, 3) == "!--") {
      const std::size_t end = text.find("-->", i);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i < text.size() && text[i] == '/';
    const std::string name = lower_name(closing ? i + 1 : i);
    if (name.empty() || kFlat.count(name) != 0) continue;
    const std::size_t gt = text.find('>', i);
    if (gt == std::string_view::npos) break;
    if (closing) {
      if (depth > 0) --depth;
    } else if (text[gt - 1] != '/') {
      if (name == "script" || name == "style") {  // raw text up to the end tag
        const std::size_t end = text.find("</", gt);
        i = end == std::string_view::npos ? text.size() : end;
        continue;
      }
      deepest = std::max(deepest, ++depth);
    }
    i = gt + 1;
  }
  return deepest;
}

struct ParseJob {
  std::string_view text;
  std::optional<Result<ReadResult>> result;
};

void* RunParseJob(void* arg) {
  auto* job = static_cast<ParseJob*>(arg);
  try {
    job->result.emplace(ParseHtml(job->text));
  } catch (const std::exception& e) {
    job->result.emplace(Status::InvalidArgument(std::string("HTML could not be read: ") + e.what()));
  }
  return nullptr;
}

}  // namespace

Result<ReadResult> ReadHtml(std::string_view text) {
  constexpr std::size_t kMaxDepth = 4096;
  if (const std::size_t depth = EstimatedNestingDepth(text); depth > kMaxDepth)
    return Status::InvalidArgument("HTML nests elements about " + std::to_string(depth) + " deep (over " +
                                   std::to_string(kMaxDepth) + "): not a page, not parsed");
  // gumbo frees its tree recursively, and the walks above recurse too: one
  // level per nesting level. A 150 KB file of unclosed <div>s is 30,000
  // levels, enough to overflow an 8 MB stack. The parse therefore runs on a
  // thread whose stack is reserved large (address space only: pages are used
  // as the depth needs them).
  constexpr std::size_t kStackBytes = 1024UL * 1024 * 1024;
  ParseJob job{text, std::nullopt};
  pthread_attr_t attr;
  pthread_t thread;
  bool started = pthread_attr_init(&attr) == 0;
  if (started) {
    started =
        pthread_attr_setstacksize(&attr, kStackBytes) == 0 && pthread_create(&thread, &attr, &RunParseJob, &job) == 0;
    pthread_attr_destroy(&attr);
  }
  if (!started) {
    RunParseJob(&job);  // no thread to be had: parse here, as deep as this stack allows
  } else {
    pthread_join(thread, nullptr);
  }
  return std::move(*job.result);
}

}  // namespace pressdex
