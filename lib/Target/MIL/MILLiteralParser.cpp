//===- MILLiteralParser.cpp - MIL types, literals and BLOBFILE ------------===//
//
// Parses MIL types (`tensor<fp16, [1, ?]>`, scalars, opaque types), typed
// literals (numbers, hexadecimal floats, strings, lists) and BLOBFILE
// references, reading and validating weight data or keeping it symbolic.
//
//===----------------------------------------------------------------------===//

#include "MILParser.h"

#include <cstring>

using namespace mlir;
using namespace ane::mil;
using namespace ane::mil::detail;

//===----------------------------------------------------------------------===//
// Types and literals
//===----------------------------------------------------------------------===//

/// Whether tensors of `type` are stored as dense_resource blobs: at least
/// `threshold` elements of a byte-sized, non-bool element type. The rule
/// depends on the tensor only, not on whether the text held it inline or
/// in a weight file, so import -> export -> import gives the same module.
static bool useResource(RankedTensorType type, int64_t threshold) {
  Type e = type.getElementType();
  return type.hasStaticShape() && type.getNumElements() >= threshold &&
         !e.isInteger(1) && e.getIntOrFloatBitWidth() % 8 == 0;
}

/// A dense elements attribute as a dense_resource blob (splats expanded).
static Attribute toResource(DenseElementsAttr dense, StringRef name) {
  auto type = cast<RankedTensorType>(dense.getType());
  size_t bytes = dense.getElementType().getIntOrFloatBitWidth() / 8;
  ArrayRef<char> raw = dense.getRawData();
  AsmResourceBlob blob = HeapAsmResourceBlob::allocate(
      bytes * type.getNumElements(), std::max<size_t>(bytes, 1));
  MutableArrayRef<char> out = blob.getMutableData();
  if (dense.isSplat())
    for (int64_t i = 0; i < type.getNumElements(); ++i)
      std::memcpy(out.data() + i * bytes, raw.data(), bytes);
  else
    std::memcpy(out.data(), raw.data(), out.size());
  return DenseResourceElementsAttr::get(
      type, name.empty() ? StringRef("blob") : name, std::move(blob));
}

Type Importer::mlirTypeOf(MILType &type) {
  if (type.mlirType)
    return type.mlirType;
  if (!type.opaque && type.element)
    type.mlirType = RankedTensorType::get(type.shape, *type.element);
  else
    type.mlirType = OpaqueType::get(StringAttr::get(ctx, kOpaqueTextDialect),
                                    type.isString() && type.shape.empty()
                                        ? StringRef("string")
                                        : type.text);
  return type.mlirType;
}

LogicalResult Importer::skipBalanced(Token::Kind open, Token::Kind close) {
  int depth = 0;
  do {
    if (tok.is(Token::eof) || tok.is(Token::error)) {
      error() << "unbalanced '" << (open == Token::less ? "<" : "(")
              << "' in opaque type or literal";
      return failure();
    }
    if (tok.is(open))
      ++depth;
    else if (tok.is(close))
      --depth;
    next();
  } while (depth > 0);
  return success();
}

LogicalResult Importer::parseType(MILType &type) {
  type = MILType();
  type.loc = tok.loc();
  const char *start = tok.spelling.data();
  if (!tok.is(Token::identifier))
    return expect(Token::identifier, "a type");
  StringRef head = tok.spelling;
  next();
  if (head == "tensor") {
    if (failed(expect(Token::less, "'<'")))
      return failure();
    if (!tok.is(Token::identifier))
      return expect(Token::identifier, "a dtype");
    type.dtype = tok.spelling.str();
    if (type.dtype != "string") {
      type.element = parseDType(type.dtype, ctx);
      if (!type.element) {
        error() << "unknown dtype '" << type.dtype << "'";
        return failure();
      }
    }
    next();
    if (failed(expect(Token::comma, "','")) ||
        failed(expect(Token::l_square, "'['")))
      return failure();
    while (!tok.is(Token::r_square)) {
      if (tok.is(Token::question)) {
        type.shape.push_back(ShapedType::kDynamic);
      } else {
        int64_t dim;
        if (!tok.is(Token::number) || tok.spelling.getAsInteger(10, dim) ||
            dim < 0) {
          error() << "expected a dimension (a non-negative integer or '?')";
          return failure();
        }
        type.shape.push_back(dim);
      }
      next();
      if (tok.is(Token::comma))
        next();
      else if (!tok.is(Token::r_square))
        return expect(Token::r_square, "',' or ']'");
    }
    next();
    if (failed(expect(Token::greater, "'>'")))
      return failure();
  } else if (head == "string" || parseDType(head, ctx)) {
    type.dtype = head.str();
    if (head != "string")
      type.element = parseDType(head, ctx);
  } else if (tok.is(Token::less)) {
    type.opaque = true;
    if (failed(skipBalanced(Token::less, Token::greater)))
      return failure();
  } else {
    error(type.loc) << "unknown type '" << head << "'";
    return failure();
  }
  // The type's text runs up to the token after it.
  type.text = StringRef(start, tok.spelling.data() - start).rtrim();
  return success();
}

LogicalResult Importer::parseLiteral(Literal &lit, StringRef nameHint) {
  lit.loc = tok.loc();
  const char *start = tok.spelling.data();
  if (failed(parseType(lit.type)))
    return failure();
  if (!tok.is(Token::l_paren))
    return expect(Token::l_paren, "'(' starting the literal's value");
  if (lit.type.opaque || (lit.type.isString() && !lit.type.shape.empty())) {
    if (failed(skipBalanced(Token::l_paren, Token::r_paren)))
      return failure();
    StringRef text = StringRef(start, tok.spelling.data() - start).rtrim();
    lit.attr = OpaqueAttr::get(StringAttr::get(ctx, kOpaqueTextDialect), text,
                               NoneType::get(ctx));
    return success();
  }
  next();
  if (failed(parseLiteralPayload(lit.type, lit, nameHint)))
    return failure();
  return expect(Token::r_paren, "')' ending the literal");
}

LogicalResult Importer::parseElements(const MILType &type,
                                      SmallVectorImpl<Token> &elements) {
  if (tok.is(Token::l_square)) {
    next();
    while (!tok.is(Token::r_square)) {
      if (failed(parseElements(type, elements)))
        return failure();
      if (tok.is(Token::comma))
        next();
      else if (!tok.is(Token::r_square))
        return expect(Token::r_square, "',' or ']'");
    }
    next();
    return success();
  }
  if (tok.is(Token::number) || tok.isIdent("true") || tok.isIdent("false") ||
      tok.isIdent("inf") || tok.isIdent("nan")) {
    elements.push_back(tok);
    next();
    return success();
  }
  return expect(Token::number, "a number");
}

LogicalResult Importer::parseLiteralPayload(const MILType &type, Literal &lit,
                                            StringRef nameHint) {
  if (tok.isIdent("BLOBFILE"))
    return parseBlobFile(type, lit, nameHint);
  if (type.isString()) {
    if (!tok.is(Token::string))
      return expect(Token::string, "a string");
    std::string value;
    StringRef body = tok.spelling.drop_front().drop_back();
    for (size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '\\' && i + 1 < body.size())
        ++i;
      value += body[i];
    }
    lit.attr = StringAttr::get(ctx, value);
    next();
    return success();
  }
  SMLoc start = tok.loc();
  SmallVector<Token> elements;
  if (failed(parseElements(type, elements)))
    return failure();
  auto tensorType = cast<RankedTensorType>(mlirTypeOf(lit.type));
  if (!tensorType.hasStaticShape()) {
    error(start) << "a literal needs a static shape, got " << spell(lit.type);
    return failure();
  }
  int64_t count = tensorType.getNumElements();
  if ((int64_t)elements.size() != count) {
    error(start) << "literal has " << elements.size()
                 << " elements but its type " << spell(lit.type) << " needs "
                 << count;
    return failure();
  }
  Type elementType = tensorType.getElementType();
  if (auto floatType = dyn_cast<FloatType>(elementType)) {
    SmallVector<APFloat> values;
    values.reserve(count);
    for (const Token &t : elements) {
      auto value = parseFloatLiteral(t.spelling, floatType.getFloatSemantics());
      if (!value) {
        error(t.loc()) << "malformed " << type.dtype << " literal '"
                       << t.spelling << "'";
        return failure();
      }
      values.push_back(*value);
    }
    lit.attr = DenseElementsAttr::get(tensorType, values);
    if (useResource(tensorType, options.resourceThreshold))
      lit.attr = toResource(cast<DenseElementsAttr>(lit.attr), nameHint);
    return success();
  }
  auto intType = cast<IntegerType>(elementType);
  unsigned width = intType.getWidth();
  SmallVector<APInt> values;
  values.reserve(count);
  for (const Token &t : elements) {
    if (width == 1 && (t.isIdent("true") || t.isIdent("false"))) {
      values.push_back(APInt(1, t.isIdent("true")));
      continue;
    }
    bool ok = t.is(Token::number);
    if (intType.isUnsigned()) {
      uint64_t v = 0;
      ok = ok && !t.spelling.getAsInteger(10, v) &&
           (width == 64 || v < (uint64_t(1) << width));
      values.push_back(APInt(width, v));
    } else {
      int64_t v = 0;
      ok = ok && !t.spelling.getAsInteger(10, v);
      if (width == 1)
        ok = ok && (v == 0 || v == 1);
      else if (width < 64)
        ok = ok && v >= -(int64_t(1) << (width - 1)) &&
             v < (int64_t(1) << (width - 1));
      values.push_back(APInt(width, v, /*isSigned=*/width > 1));
    }
    if (!ok) {
      error(t.loc()) << "malformed or out-of-range " << type.dtype
                     << " literal '" << t.spelling << "'";
      return failure();
    }
  }
  lit.attr = DenseElementsAttr::get(tensorType, values);
  if (useResource(tensorType, options.resourceThreshold))
    lit.attr = toResource(cast<DenseElementsAttr>(lit.attr), nameHint);
  return success();
}

LogicalResult Importer::parseBlobFile(const MILType &type, Literal &lit,
                                      StringRef nameHint) {
  SMLoc blobLoc = tok.loc();
  next();
  if (failed(expect(Token::l_paren, "'(' after BLOBFILE")))
    return failure();
  std::optional<std::string> path;
  std::optional<uint64_t> offset;
  while (!tok.is(Token::r_paren)) {
    if (!tok.is(Token::identifier))
      return expect(Token::identifier, "'path' or 'offset'");
    StringRef key = tok.spelling;
    SMLoc keyLoc = tok.loc();
    next();
    if (failed(expect(Token::equal, "'='")))
      return failure();
    Literal value;
    if (failed(parseLiteral(value)))
      return failure();
    if (key == "path" && isa<StringAttr>(value.attr)) {
      path = cast<StringAttr>(value.attr).getValue().str();
    } else if (key == "offset" && isa<DenseIntElementsAttr>(value.attr) &&
               cast<DenseIntElementsAttr>(value.attr).getNumElements() == 1) {
      offset = (*cast<DenseIntElementsAttr>(value.attr).begin()).getZExtValue();
    } else {
      error(keyLoc) << "BLOBFILE takes path = string(...) and offset = "
                       "uint64(...), got '"
                    << key << "'";
      return failure();
    }
    if (tok.is(Token::comma))
      next();
    else if (!tok.is(Token::r_paren))
      return expect(Token::r_paren, "',' or ')'");
  }
  next();
  if (!path || !offset) {
    error(blobLoc) << "BLOBFILE needs both path and offset";
    return failure();
  }
  auto tensorType = dyn_cast<RankedTensorType>(mlirTypeOf(lit.type));
  if (!tensorType || !tensorType.hasStaticShape()) {
    error(blobLoc) << "BLOBFILE data needs a tensor type with a static "
                      "shape, got "
                   << spell(lit.type);
    return failure();
  }
  auto dtype = blob::dtypeForElementType(tensorType.getElementType());
  if (!dtype) {
    error(blobLoc) << "dtype " << lit.type.dtype
                   << " cannot be stored in a weight file";
    return failure();
  }
  if (options.symbolicWeights) {
    lit.attr = BlobFileAttr::get(ctx, *path, *offset);
    return success();
  }
  StringRef rel = *path;
  if (!rel.consume_front("@model_path/")) {
    error(blobLoc) << "BLOBFILE path '" << *path
                   << "' does not start with '@model_path/'";
    return failure();
  }
  SmallString<256> file(modelPath);
  llvm::sys::path::append(file, rel);
  auto &reader = readers[std::string(file)];
  if (!reader) {
    auto opened = blob::Reader::open(file);
    if (!opened) {
      error(blobLoc) << llvm::toString(opened.takeError())
                     << " (use --mil-weights=symbolic to import without "
                        "weights)";
      return failure();
    }
    reader = std::move(*opened);
  }
  auto ref = reader->read(*offset, *dtype, tensorType.getNumElements());
  if (!ref) {
    error(blobLoc) << llvm::toString(ref.takeError()) << " ('" << *path << "')";
    return failure();
  }
  if (!ref->warning.empty())
    emitWarning(loc(blobLoc)) << ref->warning << " ('" << *path << "')";
  std::shared_ptr<llvm::MemoryBuffer> keepAlive = reader->buffer();
  size_t align = std::max<size_t>(1, blob::bitWidth(*dtype) / 8);
  if (!llvm::isAddrAligned(llvm::Align(align), ref->data.data()))
    align = 1;
  AsmResourceBlob data = UnmanagedAsmResourceBlob::allocateWithAlign(
      ref->data, align, [keepAlive](void *, size_t, size_t) {});
  if (rel != "weights/weight.bin")
    statementWeightFile = rel.str();
  if (!useResource(tensorType, options.resourceThreshold) &&
      tensorType.getElementType().getIntOrFloatBitWidth() % 8 == 0) {
    lit.attr = DenseElementsAttr::getFromRawBuffer(tensorType, ref->data);
    return success();
  }
  lit.attr = DenseResourceElementsAttr::get(
      tensorType, nameHint.empty() ? StringRef("blob") : nameHint,
      std::move(data));
  return success();
}

LogicalResult Importer::parseBinding(Binding &binding, StringRef nameHint) {
  binding.loc = tok.loc();
  if (tok.is(Token::l_paren)) {
    binding.kind = Binding::Tuple;
    next();
    while (!tok.is(Token::r_paren)) {
      Binding element;
      if (failed(parseBinding(element, nameHint)))
        return failure();
      binding.elements.push_back(std::move(element));
      if (tok.is(Token::comma))
        next();
      else if (!tok.is(Token::r_paren))
        return expect(Token::r_paren, "',' or ')'");
    }
    next();
    return success();
  }
  if (tok.is(Token::identifier)) {
    Token after = peek();
    if (!after.is(Token::l_paren) && !after.is(Token::less)) {
      binding.kind = Binding::Ref;
      binding.name = tok.spelling;
      next();
      return success();
    }
    binding.kind = Binding::Lit;
    return parseLiteral(binding.lit, nameHint);
  }
  return expect(Token::identifier, "a value name or a typed literal");
}

LogicalResult
Importer::parseAttrList(SmallVectorImpl<std::pair<Token, Literal>> &attrs,
                        StringRef hint) {
  if (failed(expect(Token::l_square, "'['")))
    return failure();
  while (!tok.is(Token::r_square)) {
    Token key = tok;
    if (failed(expect(Token::identifier, "an attribute name")) ||
        failed(expect(Token::equal, "'='")))
      return failure();
    Literal lit;
    std::string name = hint.empty() ? key.spelling.str()
                       : key.spelling == "val"
                           ? hint.str()
                           : (hint + "_" + key.spelling).str();
    if (failed(parseLiteral(lit, name)))
      return failure();
    attrs.emplace_back(key, std::move(lit));
    if (tok.is(Token::comma))
      next();
    else if (!tok.is(Token::r_square))
      return expect(Token::r_square, "',' or ']'");
  }
  next();
  return success();
}

LogicalResult Importer::parseBuildInfo(const Literal &lit,
                                       DictionaryAttr &dict) {
  // dict<string, string>({{"k", "v"}, ...}), kept as text by the literal
  // parser: re-lex it.
  auto opaque = dyn_cast<OpaqueAttr>(lit.attr);
  if (!opaque || !lit.type.text.starts_with("dict<")) {
    error(lit.loc) << "buildInfo must be a dict<string, string>";
    return failure();
  }
  StringRef text = opaque.getAttrData();
  Lexer sub(text.drop_front(lit.type.text.size()));
  SmallVector<NamedAttribute> entries;
  auto fail = [&]() {
    error(lit.loc) << "malformed buildInfo dictionary";
    return failure();
  };
  auto unquote = [&](const Token &t) {
    return StringAttr::get(ctx, t.spelling.drop_front().drop_back());
  };
  if (!sub.lex().is(Token::l_paren) || !sub.lex().is(Token::l_brace))
    return fail();
  Token t = sub.lex();
  while (!t.is(Token::r_brace)) {
    if (!t.is(Token::l_brace))
      return fail();
    Token k = sub.lex();
    if (!k.is(Token::string) || !sub.lex().is(Token::comma))
      return fail();
    Token v = sub.lex();
    if (!v.is(Token::string) || !sub.lex().is(Token::r_brace))
      return fail();
    entries.emplace_back(unquote(k), unquote(v));
    t = sub.lex();
    if (t.is(Token::comma))
      t = sub.lex();
  }
  dict = DictionaryAttr::get(ctx, entries);
  return success();
}
