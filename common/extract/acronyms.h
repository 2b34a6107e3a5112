// Acronyms defined inline: "ASEAN Socio-Cultural Community (ASCC)" makes
// ASCC another name of the ASEAN Socio-Cultural Community. The long form is
// found with Schwartz & Hearst's algorithm (PSB 2003): the acronym's letters,
// right to left, in the words before the bracket, the first one starting a
// word — so "ASEAN Secretariat (ASEC)" works although ASEC is not initials.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract/words.h"

namespace pressdex {

struct AcronymDefinition {
  std::string long_form;       // "ASEAN Socio-Cultural Community"
  std::string acronym;         // "ASCC"
  std::size_t first_word = 0;  // word span of the long form in the scanned words
  std::size_t word_count = 0;
  std::size_t acronym_word = 0;
};

// Definitions in `text`, whose words `words` are (ScanWords(text)).
std::vector<AcronymDefinition> FindAcronymDefinitions(std::string_view text, const std::vector<extract::Word>& words);

}  // namespace pressdex
