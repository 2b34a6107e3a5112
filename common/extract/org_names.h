// Organisation names recognised by their shape: capitalised words ending in
// an organisation head word ("ASEAN Secretariat", "Standard Oil Co",
// "Food and Agriculture Organization") or a head word followed by "of/for"
// and capitalised words ("Ministry of Foreign Affairs", "Bank of Japan").
// A capitalised word at a sentence start is only taken when the text also
// capitalises it mid-sentence, so "Yesterday Finance Ministry" does not
// swallow "Yesterday".
#pragma once

#include <cstddef>
#include <vector>

#include "common/extract/words.h"

namespace pressdex {

struct NameSpan {
  std::size_t first_word = 0;
  std::size_t word_count = 0;
};

std::vector<NameSpan> FindOrganisationNames(const std::vector<extract::Word>& words);

}  // namespace pressdex
