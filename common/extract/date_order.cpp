#include "common/extract/date_order.h"

#include "common/extract/date_parse.h"

namespace pressdex {

std::optional<bool> StatedDayFirst(const std::vector<SourceRecord>& records) {
  const DateParser& parser = DateParser::Get();
  bool day_first = false, month_first = false;
  for (const SourceRecord& record : records) {
    switch (parser.FieldOrder(record.meta.date)) {
      case NumericOrder::kDayFirst: day_first = true; break;
      case NumericOrder::kMonthFirst: month_first = true; break;
      case NumericOrder::kEither:
      case NumericOrder::kNone: break;
    }
    if (day_first && month_first) return std::nullopt;  // no order to follow
  }
  if (day_first == month_first) return std::nullopt;
  return day_first;
}

}  // namespace pressdex
