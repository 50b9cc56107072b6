#include "render/utf8.h"

namespace issuegraph::render {

size_t Utf8SequenceLength(std::string_view text, size_t pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  size_t length = 0;
  unsigned char low = 0x80;  // bounds of the second byte
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
  }
  return length;
}

size_t AppendValidUtf8At(std::string_view text, size_t pos, std::string* out) {
  size_t length = Utf8SequenceLength(text, pos);
  if (length == 0) {
    *out += kReplacementCharacter;
    return 1;
  }
  out->append(text.substr(pos, length));
  return length;
}

std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) i += AppendValidUtf8At(text, i, &out);
  return out;
}

size_t BidiControlLength(std::string_view text, size_t pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  if (pos + 1 < text.size() && byte(pos) == 0xD8 && byte(pos + 1) == 0x9C) return 2;  // U+061C
  if (pos + 2 >= text.size() || byte(pos) != 0xE2) return 0;
  const unsigned char second = byte(pos + 1);
  const unsigned char third = byte(pos + 2);
  if (second == 0x80 && (third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE))) return 3;
  if (second == 0x81 && third >= 0xA6 && third <= 0xA9) return 3;
  return 0;
}

size_t AppendDisplayUtf8At(std::string_view text, size_t pos, std::string* out) {
  if (size_t bidi = BidiControlLength(text, pos); bidi > 0) {
    *out += kReplacementCharacter;
    return bidi;
  }
  return AppendValidUtf8At(text, pos, out);
}

std::string DisplayUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      out += text[i++];
    } else {
      i += AppendDisplayUtf8At(text, i, &out);
    }
  }
  return out;
}

}  // namespace issuegraph::render
