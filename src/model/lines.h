// Lines of a text: views split at '\n', without copying. Every line comes
// once, the last one too (an empty one after a final newline, and one empty
// line for an empty text); a '\r' before the '\n' is the caller's to keep or
// drop (WithoutCr). The range borrows the text. Thread-compatible.
#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>

namespace issuegraph {

class Lines {
 public:
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string_view*;
    using reference = std::string_view;

    Iterator() = default;
    Iterator(std::string_view text, size_t start) : text_(text), start_(start) { Find(); }

    std::string_view operator*() const { return text_.substr(start_, end_ - start_); }
    Iterator& operator++() {
      start_ = end_ < text_.size() ? end_ + 1 : kDone;
      Find();
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.start_ == b.start_; }

   private:
    static constexpr size_t kDone = static_cast<size_t>(-1);
    void Find() {
      if (start_ == kDone) return;
      end_ = text_.find('\n', start_);
      if (end_ == std::string_view::npos) end_ = text_.size();
    }

    std::string_view text_;
    size_t start_ = kDone;
    size_t end_ = 0;
  };

  explicit Lines(std::string_view text) : text_(text) {}
  Iterator begin() const { return {text_, 0}; }
  Iterator end() const { return {}; }

 private:
  std::string_view text_;
};

inline std::string_view WithoutCr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace issuegraph
