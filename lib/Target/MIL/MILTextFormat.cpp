//===- MILTextFormat.cpp - Spellings shared by MIL text import/export -----===//
//
// dtype names and exact hexadecimal float literals.
//
//===----------------------------------------------------------------------===//

#include "ane/Target/MIL/MILTextFormat.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Error.h"

#include <cmath>
#include <cstring>

using namespace mlir;

std::optional<Type> ane::mil::parseDType(StringRef name, MLIRContext *ctx) {
  auto sint = [&](unsigned w) { return IntegerType::get(ctx, w); };
  auto uint = [&](unsigned w) {
    return IntegerType::get(ctx, w, IntegerType::Unsigned);
  };
  return llvm::StringSwitch<std::optional<Type>>(name)
      .Case("bool", sint(1))
      .Case("int4", sint(4))
      .Case("int8", sint(8))
      .Case("int16", sint(16))
      .Case("int32", sint(32))
      .Case("int64", sint(64))
      .Case("uint1", uint(1))
      .Case("uint2", uint(2))
      .Case("uint3", uint(3))
      .Case("uint4", uint(4))
      .Case("uint6", uint(6))
      .Case("uint8", uint(8))
      .Case("uint16", uint(16))
      .Case("uint32", uint(32))
      .Case("uint64", uint(64))
      .Case("fp16", Float16Type::get(ctx))
      .Case("bf16", BFloat16Type::get(ctx))
      .Case("fp32", Float32Type::get(ctx))
      .Case("fp64", Float64Type::get(ctx))
      .Default(std::nullopt);
}

std::optional<StringRef> ane::mil::stringifyDType(Type type) {
  if (type.isF16())
    return StringRef("fp16");
  if (type.isF32())
    return StringRef("fp32");
  if (type.isF64())
    return StringRef("fp64");
  if (type.isBF16())
    return StringRef("bf16");
  auto intType = dyn_cast<IntegerType>(type);
  if (!intType)
    return std::nullopt;
  unsigned w = intType.getWidth();
  if (w == 1 && !intType.isUnsigned())
    return StringRef("bool");
  if (intType.isUnsigned()) {
    switch (w) {
    case 1:
      return StringRef("uint1");
    case 2:
      return StringRef("uint2");
    case 3:
      return StringRef("uint3");
    case 4:
      return StringRef("uint4");
    case 6:
      return StringRef("uint6");
    case 8:
      return StringRef("uint8");
    case 16:
      return StringRef("uint16");
    case 32:
      return StringRef("uint32");
    case 64:
      return StringRef("uint64");
    }
    return std::nullopt;
  }
  switch (w) {
  case 4:
    return StringRef("int4");
  case 8:
    return StringRef("int8");
  case 16:
    return StringRef("int16");
  case 32:
    return StringRef("int32");
  case 64:
    return StringRef("int64");
  }
  return std::nullopt;
}

std::string ane::mil::formatHexFloat(const llvm::APFloat &value) {
  if (value.isNaN())
    return "nan";
  if (value.isInfinity())
    return value.isNegative() ? "-inf" : "inf";
  // Every fp16/bf16/fp32/fp64 value is exactly a double; a double's
  // normalized form also normalizes fp16/fp32 subnormals.
  bool losesInfo = false;
  llvm::APFloat asDouble = value;
  asDouble.convert(llvm::APFloat::IEEEdouble(),
                   llvm::APFloat::rmNearestTiesToEven, &losesInfo);
  uint64_t bits = asDouble.bitcastToAPInt().getZExtValue();
  std::string out = (bits >> 63) ? "-" : "";
  int64_t biased = (bits >> 52) & 0x7ff;
  uint64_t mantissa = bits & ((uint64_t(1) << 52) - 1);
  if (biased == 0 && mantissa == 0)
    return out + "0x0p+0";
  int64_t exponent = biased - 1023;
  if (biased == 0) { // double subnormal (only from fp64 input): normalize
    exponent = -1022;
    while (!(mantissa & (uint64_t(1) << 52))) {
      mantissa <<= 1;
      --exponent;
    }
    mantissa &= (uint64_t(1) << 52) - 1;
  }
  out += "0x1";
  if (mantissa) {
    static const char digits[] = "0123456789abcdef";
    std::string hex;
    for (int shift = 48; shift >= 0; shift -= 4)
      hex += digits[(mantissa >> shift) & 0xf];
    while (!hex.empty() && hex.back() == '0')
      hex.pop_back();
    out += "." + hex;
  }
  out += "p";
  out += exponent >= 0 ? "+" : "-";
  out += std::to_string(exponent >= 0 ? exponent : -exponent);
  return out;
}

std::optional<llvm::APFloat>
ane::mil::parseFloatLiteral(StringRef text, const llvm::fltSemantics &sem) {
  StringRef body = text;
  bool negative = body.consume_front("-");
  if (!negative)
    body.consume_front("+");
  if (body == "inf" || body == "nan") {
    llvm::APFloat v = body == "inf" ? llvm::APFloat::getInf(sem, negative)
                                    : llvm::APFloat::getNaN(sem, negative);
    return v;
  }
  if (body.empty())
    return std::nullopt;
  llvm::APFloat value(sem);
  auto status =
      value.convertFromString(text, llvm::APFloat::rmNearestTiesToEven);
  if (!status) {
    llvm::consumeError(status.takeError());
    return std::nullopt;
  }
  return value;
}
