// Site chrome removal: what a scraper pasted around the story (menus, "See
// more", share/print links, photo captions, repeated headlines, the site's
// "About us" footer) is dropped before indexing. The rules are generic — line
// shapes and a per-folder list of lines learned by LearnBoilerplate — never
// a list of one site's lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pressdex {

// The story's lines, trimmed, in order; an empty string marks a paragraph
// break (never two in a row, never first or last). `boilerplate` is the
// folder's learned chrome (sorted, as LearnBoilerplate returns it).
// `from_markup`: the text came out of HTML/Markdown structure, whose headings
// are kept even when short.
std::vector<std::string> CleanLines(std::string_view raw, const std::vector<std::string>& boilerplate,
                                    bool from_markup);

// Drops lines that repeat the headline: equal to it, or the headline with a
// caption glued on.
void DropTitleRepeats(std::vector<std::string>* lines, std::string_view title);

// Lines joined back into text: "\n" between lines, "\n\n" between paragraphs.
std::string JoinLines(const std::vector<std::string>& lines);

// True if the line is a photo caption or credit ("(Photo: Xinhua)", "ảnh 1").
bool IsPhotoCaption(std::string_view line);

}  // namespace pressdex
