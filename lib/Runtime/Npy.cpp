//===- Npy.cpp - NumPy .npy reader and writer ---------------------------===//
//
// The header is a Python dict literal: {'descr': '<f2', 'fortran_order':
// False, 'shape': (1, 64), }. Only the three keys NumPy writes are accepted.
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/Npy.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace ane::runtime;
using llvm::StringRef;

StringRef ane::runtime::npyDescr(DType dtype) {
  switch (dtype) {
  case DType::F16:
    return "<f2";
  case DType::F32:
    return "<f4";
  case DType::I8:
    return "|i1";
  case DType::U8:
    return "|u1";
  case DType::I16:
    return "<i2";
  case DType::U16:
    return "<u2";
  case DType::I32:
    return "<i4";
  case DType::Bool:
    return "|b1";
  }
  return "";
}

static std::optional<DType> parseDescr(StringRef d) {
  // '=' (native) is little endian on every host we build for; single-byte
  // types may use any byte-order mark.
  if (d.size() == 3 && (d[0] == '=' || d[0] == '<' || d[0] == '|')) {
    StringRef t = d.drop_front();
    bool oneByte = t == "i1" || t == "u1" || t == "b1";
    if (d[0] == '|' && !oneByte)
      return std::nullopt;
    return llvm::StringSwitch<std::optional<DType>>(t)
        .Case("f2", DType::F16)
        .Case("f4", DType::F32)
        .Case("i1", DType::I8)
        .Case("u1", DType::U8)
        .Case("i2", DType::I16)
        .Case("u2", DType::U16)
        .Case("i4", DType::I32)
        .Case("b1", DType::Bool)
        .Default(std::nullopt);
  }
  if (d.size() == 3 && d[0] == '>' &&
      (d[1] == 'i' || d[1] == 'u' || d[1] == 'b') && d[2] == '1')
    return parseDescr(("|" + d.drop_front()).str());
  return std::nullopt;
}

static llvm::Error npyError(StringRef name, const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 name + ": " + msg);
}

/// Finds `'key':` in the header and returns the text after it.
static std::optional<StringRef> findKey(StringRef header, StringRef key) {
  std::string quoted1 = ("'" + key + "'").str();
  std::string quoted2 = ("\"" + key + "\"").str();
  size_t pos = header.find(quoted1);
  size_t len = quoted1.size();
  if (pos == StringRef::npos) {
    pos = header.find(quoted2);
    len = quoted2.size();
  }
  if (pos == StringRef::npos)
    return std::nullopt;
  StringRef rest = header.drop_front(pos + len).ltrim();
  if (!rest.consume_front(":"))
    return std::nullopt;
  return rest.ltrim();
}

llvm::Expected<Tensor> ane::runtime::parseNpy(StringRef bytes, StringRef name) {
  if (bytes.size() < 10 || !bytes.starts_with("\x93NUMPY"))
    return npyError(name, "not a .npy file (bad magic)");
  unsigned major = uint8_t(bytes[6]);
  size_t headerLen, offset;
  if (major == 1) {
    headerLen = uint8_t(bytes[8]) | (size_t(uint8_t(bytes[9])) << 8);
    offset = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return npyError(name, "truncated .npy header");
    headerLen = 0;
    for (int i = 0; i < 4; ++i)
      headerLen |= size_t(uint8_t(bytes[8 + i])) << (8 * i);
    offset = 12;
  } else {
    return npyError(name,
                    "unsupported .npy format version " + llvm::Twine(major));
  }
  if (offset + headerLen > bytes.size())
    return npyError(name, "truncated .npy header");
  StringRef header = bytes.substr(offset, headerLen);

  auto descrText = findKey(header, "descr");
  if (!descrText || descrText->empty() ||
      ((*descrText)[0] != '\'' && (*descrText)[0] != '"'))
    return npyError(name, "bad .npy header: no 'descr'");
  char quote = (*descrText)[0];
  StringRef descr = descrText->drop_front().take_until(
      [quote](char c) { return c == quote; });
  auto dtype = parseDescr(descr);
  if (!dtype)
    return npyError(name, "unsupported .npy dtype '" + descr +
                              "' (expected fp16, fp32, int8, uint8, int16, "
                              "uint16, int32 or bool, little endian)");

  auto fortran = findKey(header, "fortran_order");
  if (!fortran)
    return npyError(name, "bad .npy header: no 'fortran_order'");
  if (fortran->starts_with("True"))
    return npyError(name, "Fortran-order .npy arrays are not supported");
  if (!fortran->starts_with("False"))
    return npyError(name, "bad .npy header: 'fortran_order' is not a bool");

  auto shapeText = findKey(header, "shape");
  if (!shapeText || !shapeText->starts_with("("))
    return npyError(name, "bad .npy header: no 'shape' tuple");
  StringRef tuple =
      shapeText->drop_front().take_until([](char c) { return c == ')'; });
  if (tuple.size() == shapeText->size() - 1)
    return npyError(name, "bad .npy header: unterminated 'shape'");
  Shape shape;
  llvm::SmallVector<StringRef> parts;
  tuple.split(parts, ',');
  for (StringRef p : parts) {
    p = p.trim();
    if (p.empty())
      continue;
    int64_t dim;
    if (p.getAsInteger(10, dim) || dim < 0)
      return npyError(name, "bad .npy header: shape entry '" + p + "'");
    shape.push_back(dim);
  }

  Tensor t(*dtype, shape);
  size_t dataOffset = offset + headerLen;
  size_t have = bytes.size() - dataOffset;
  if (have < t.byteSize())
    return npyError(name, "truncated .npy data: expected " +
                              llvm::Twine(t.byteSize()) + " bytes for " +
                              dtypeName(*dtype) + " " + shapeToString(shape) +
                              ", found " + llvm::Twine(have));
  if (t.byteSize())
    std::memcpy(t.raw(), bytes.data() + dataOffset, t.byteSize());
  if (*dtype == DType::Bool) {
    uint8_t *b = t.data<uint8_t>();
    for (int64_t i = 0; i < t.numElements(); ++i)
      b[i] = b[i] != 0;
  }
  return std::move(t);
}

llvm::Expected<Tensor> ane::runtime::readNpy(StringRef path) {
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!buf)
    return npyError(path, "cannot read: " + buf.getError().message());
  return parseNpy((*buf)->getBuffer(), path);
}

std::string ane::runtime::serializeNpy(const Tensor &tensor) {
  std::string header = "{'descr': '" + npyDescr(tensor.dtype()).str() +
                       "', 'fortran_order': False, 'shape': (";
  for (int64_t i = 0; i < tensor.rank(); ++i)
    header += (i ? ", " : "") + std::to_string(tensor.shape()[i]);
  header += tensor.rank() == 1 ? ",), }" : "), }";
  // Pad with spaces so that magic + version + len + header + '\n' is a
  // multiple of 64.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::string out = "\x93NUMPY";
  out += char(1);
  out += char(0);
  out += char(header.size() & 0xff);
  out += char(header.size() >> 8);
  out += header;
  out.append(static_cast<const char *>(tensor.raw()), tensor.byteSize());
  return out;
}

llvm::Error ane::runtime::writeNpy(StringRef path, const Tensor &tensor) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return npyError(path, "cannot write: " + ec.message());
  os << serializeNpy(tensor);
  os.close();
  if (os.has_error())
    return npyError(path, "write failed: " + os.error().message());
  return llvm::Error::success();
}
