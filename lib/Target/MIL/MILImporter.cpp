//===- MILImporter.cpp - MIL text to the mil dialect ----------------------===//
//
// A recursive-descent parser for MIL text that builds mil ops directly.
// Ops are built generically from each op's MIL parameter table
// (`getMILParams()`): operands bind value names (inline literals become
// `mil.const`s), attribute parameters take literals or fold the `const()`
// value they name. BLOBFILE references are read from the weight files
// (memory-mapped, validated) or kept symbolic.
//
//===----------------------------------------------------------------------===//

#include "ane/Target/MIL/MILImporter.h"

#include "MILLexer.h"
#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Target/MIL/MILBlob.h"
#include "ane/Target/MIL/MILTextFormat.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

#include <map>

using namespace mlir;
using namespace ane::mil;

namespace {

/// A MIL type as written: a tensor (or scalar) of a dtype, or an opaque
/// type (list, dict, tuple, tensor_buffer, state, ...) kept as text.
struct MILType {
  bool opaque = false;
  std::string dtype;
  std::optional<Type> element; // none for string and opaque types
  SmallVector<int64_t> shape;
  StringRef text;
  SMLoc loc;
  Type mlirType;

  bool isString() const { return !opaque && dtype == "string"; }
};

/// A typed literal: its attribute and declared type.
struct Literal {
  Attribute attr;
  MILType type;
  SMLoc loc;
};

/// The right-hand side of `arg = ...`.
struct Binding {
  enum Kind { Ref, Lit, Tuple } kind = Ref;
  StringRef name;
  Literal lit;
  std::vector<Binding> elements;
  SMLoc loc;
};

/// A constant statement seen in the current function.
struct ConstInfo {
  Literal lit;
  Value value; // the mil.const result, when the value is a MIL tensor
};

class Importer {
public:
  Importer(llvm::SourceMgr &sm, MLIRContext *ctx,
           const MILImportOptions &options)
      : sm(sm), ctx(ctx), options(options),
        buffer(sm.getMemoryBuffer(sm.getMainFileID())->getBuffer()),
        lexer(buffer), builder(ctx) {
    fileName = StringAttr::get(
        ctx, sm.getMemoryBuffer(sm.getMainFileID())->getBufferIdentifier());
    modelPath = options.modelPath;
    if (modelPath.empty())
      modelPath = llvm::sys::path::parent_path(fileName.getValue()).str();
    next();
  }

  OwningOpRef<ModuleOp> importProgram();

private:
  // Tokens and diagnostics.
  void next() { tok = lexer.lex(); }
  Token peek() {
    const char *save = lexer.position();
    Token t = lexer.lex();
    lexer.resetTo(save);
    return t;
  }
  Location loc(SMLoc l) {
    auto lc = sm.getLineAndColumn(l, sm.getMainFileID());
    return FileLineColLoc::get(fileName, lc.first, lc.second);
  }
  InFlightDiagnostic error(SMLoc l) { return emitError(loc(l)); }
  InFlightDiagnostic error() { return error(tok.loc()); }
  LogicalResult expect(Token::Kind kind, StringRef what) {
    if (!tok.is(kind)) {
      error() << "expected " << what << ", found '"
              << (tok.is(Token::eof) ? StringRef("end of file") : tok.spelling)
              << "'";
      return failure();
    }
    next();
    return success();
  }
  LogicalResult expectIdent(StringRef name) {
    if (!tok.isIdent(name))
      return expect(Token::eof, "'" + name.str() + "'");
    next();
    return success();
  }
  std::string spell(const MILType &type) const { return type.text.str(); }

  // Grammar.
  LogicalResult parseType(MILType &type);
  LogicalResult parseLiteral(Literal &lit, StringRef nameHint = "");
  LogicalResult parseLiteralPayload(const MILType &type, Literal &lit,
                                    StringRef nameHint);
  LogicalResult parseElements(const MILType &type, SmallVectorImpl<Token> &);
  LogicalResult parseBlobFile(const MILType &type, Literal &lit,
                              StringRef nameHint);
  LogicalResult parseBinding(Binding &binding, StringRef nameHint);
  LogicalResult skipBalanced(Token::Kind open, Token::Kind close);
  LogicalResult parseAttrList(SmallVectorImpl<std::pair<Token, Literal>> &attrs,
                              StringRef hint = "");
  LogicalResult parseBuildInfo(const Literal &lit, DictionaryAttr &dict);
  LogicalResult parseFunction(ModuleOp module, bool first);
  LogicalResult parseStatement();

  // Building.
  Type mlirTypeOf(MILType &type);
  FailureOr<Value> resolveOperand(const Binding &b, StringRef opName,
                                  StringRef param, StringRef resultName);
  FailureOr<Literal> resolveLiteral(const Binding &b, StringRef opName,
                                    StringRef param);
  FailureOr<Attribute> convertParam(const Literal &lit, ParamKind kind,
                                    StringRef opName, StringRef param);
  FailureOr<Attribute> genericBinding(const Binding &b,
                                      SmallVectorImpl<Value> &operands);
  LogicalResult verifyBuiltOp(Operation *op, ArrayRef<MILType> declared,
                              ArrayRef<StringRef> names, StringRef opName);
  Value materializeConst(const Literal &lit, StringRef name);
  /// The literal's attribute, with a symbolic BLOBFILE reference paired with
  /// its type (`[type, #mil.blob_file<...>]`) where nothing else records it.
  Attribute typedAttr(const Literal &lit) {
    if (isa<BlobFileAttr>(lit.attr))
      return builder.getArrayAttr({TypeAttr::get(lit.type.mlirType), lit.attr});
    return lit.attr;
  }
  Location nameLoc(StringRef name, SMLoc l) {
    return NameLoc::get(StringAttr::get(ctx, name), loc(l));
  }
  std::string uniqueName(StringRef base);

  llvm::SourceMgr &sm;
  MLIRContext *ctx;
  const MILImportOptions &options;
  StringRef buffer;
  Lexer lexer;
  Token tok;
  OpBuilder builder;
  StringAttr fileName;
  std::string modelPath;
  std::map<std::string, std::unique_ptr<blob::Reader>> readers;

  // Per function.
  llvm::StringMap<Value> values;
  llvm::StringMap<ConstInfo> consts;
  llvm::StringSet<> usedNames;
  SmallVector<Operation *> constOps;
  std::string functionOpset;
};

} // namespace

//===----------------------------------------------------------------------===//
// Types and literals
//===----------------------------------------------------------------------===//

static bool isMILTensorElement(Type t) {
  if (t.isF16() || t.isF32())
    return true;
  auto i = dyn_cast<IntegerType>(t);
  if (!i)
    return false;
  if (i.isSignless())
    return llvm::is_contained({1u, 8u, 16u, 32u}, i.getWidth());
  return i.isUnsigned() && (i.getWidth() == 8 || i.getWidth() == 16);
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

//===----------------------------------------------------------------------===//
// Program and functions
//===----------------------------------------------------------------------===//

static std::optional<std::string> normalizeOpset(StringRef name) {
  if (parseOpset(name))
    return name.str();
  // A third-party spelling seen in the wild: CoreML5..CoreML8.
  if (name.consume_front("CoreML")) {
    unsigned n;
    if (!name.getAsInteger(10, n) && n >= 5 && n <= 8)
      return "ios" + std::to_string(n + 10);
  }
  return std::nullopt;
}

OwningOpRef<ModuleOp> Importer::importProgram() {
  SMLoc start = tok.loc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc(start));
  if (failed(expectIdent("program")) || failed(expect(Token::l_paren, "'('")))
    return nullptr;
  StringRef versionText = tok.spelling;
  if (failed(expect(Token::number, "a program version")))
    return nullptr;
  std::string version = versionText.str();
  if (version == "1")
    version = "1.0";
  if (!llvm::is_contained({"1.0", "1.1", "1.2", "1.3"}, version)) {
    emitError(loc(SMLoc::getFromPointer(versionText.data())))
        << "unsupported program version " << versionText
        << " (expected 1.0 .. 1.3)";
    return nullptr;
  }
  if (failed(expect(Token::r_paren, "')'")))
    return nullptr;
  (*module)->setAttr(MILDialect::kProgramVersionAttr,
                     StringAttr::get(ctx, version));
  if (tok.is(Token::l_square)) {
    SmallVector<std::pair<Token, Literal>> attrs;
    if (failed(parseAttrList(attrs)))
      return nullptr;
    SmallVector<NamedAttribute> extra;
    for (auto &[key, lit] : attrs) {
      if (key.spelling == "buildInfo") {
        DictionaryAttr dict;
        if (failed(parseBuildInfo(lit, dict)))
          return nullptr;
        (*module)->setAttr(MILDialect::kBuildInfoAttr, dict);
      } else {
        extra.emplace_back(StringAttr::get(ctx, key.spelling), typedAttr(lit));
      }
    }
    if (!extra.empty())
      (*module)->setAttr(kExtraAttrsAttr, DictionaryAttr::get(ctx, extra));
  }
  if (failed(expect(Token::l_brace, "'{' starting the program body")))
    return nullptr;
  bool first = true;
  while (!tok.is(Token::r_brace)) {
    if (failed(parseFunction(*module, first)))
      return nullptr;
    first = false;
  }
  next();
  if (!tok.is(Token::eof)) {
    error() << "unexpected text after the end of the program";
    return nullptr;
  }
  if (options.verify && failed(mlir::verify(*module)))
    return nullptr;
  return module;
}

std::string Importer::uniqueName(StringRef base) {
  std::string name = base.str();
  for (unsigned i = 1;
       usedNames.contains(name) || values.count(name) || consts.count(name);
       ++i)
    name = (base + "_" + Twine(i)).str();
  usedNames.insert(name);
  return name;
}

LogicalResult Importer::parseFunction(ModuleOp module, bool first) {
  values.clear();
  consts.clear();
  usedNames.clear();
  constOps.clear();
  SMLoc funcLoc = tok.loc();
  if (failed(expectIdent("func")))
    return failure();
  Token name = tok;
  if (failed(expect(Token::identifier, "a function name")))
    return failure();
  if (module.lookupSymbol(name.spelling)) {
    error(name.loc()) << "redefinition of function '" << name.spelling << "'";
    return failure();
  }
  if (failed(expect(Token::less, "'<' before the function's opset")))
    return failure();
  Token opsetTok = tok;
  if (failed(expect(Token::identifier, "an opset")))
    return failure();
  auto opset = normalizeOpset(opsetTok.spelling);
  if (!opset) {
    error(opsetTok.loc()) << "unknown opset '" << opsetTok.spelling
                          << "' (expected ios15 .. ios18)";
    return failure();
  }
  functionOpset = *opset;
  if (failed(expect(Token::greater, "'>'")) ||
      failed(expect(Token::l_paren, "'('")))
    return failure();

  SmallVector<MILType> argTypes;
  SmallVector<Token> argNames;
  while (!tok.is(Token::r_paren)) {
    MILType type;
    if (failed(parseType(type)))
      return failure();
    argTypes.push_back(type);
    argNames.push_back(tok);
    if (failed(expect(Token::identifier, "an input name")))
      return failure();
    if (tok.is(Token::comma))
      next();
    else if (!tok.is(Token::r_paren))
      return expect(Token::r_paren, "',' or ')'");
  }
  next();
  SmallVector<NamedAttribute> funcAttrs;
  if (tok.is(Token::l_square)) {
    SmallVector<std::pair<Token, Literal>> attrs;
    if (failed(parseAttrList(attrs)))
      return failure();
    for (auto &[key, lit] : attrs)
      funcAttrs.emplace_back(StringAttr::get(ctx, key.spelling),
                             typedAttr(lit));
  }

  builder.setInsertionPointToEnd(module.getBody());
  SmallVector<Type> inputTypes;
  for (MILType &t : argTypes)
    inputTypes.push_back(mlirTypeOf(t));
  auto func = func::FuncOp::create(builder, nameLoc(name.spelling, funcLoc),
                                   name.spelling,
                                   builder.getFunctionType(inputTypes, {}));
  if (first)
    module->setAttr(MILDialect::kOpsetAttr, StringAttr::get(ctx, *opset));
  else if (module->getAttrOfType<StringAttr>(MILDialect::kOpsetAttr)
               .getValue() != *opset)
    func->setAttr(MILDialect::kOpsetAttr, StringAttr::get(ctx, *opset));
  if (!funcAttrs.empty())
    func->setAttr(kExtraAttrsAttr, DictionaryAttr::get(ctx, funcAttrs));
  Block *body = func.addEntryBlock();
  for (auto [i, argName] : llvm::enumerate(argNames)) {
    if (values.count(argName.spelling)) {
      error(argName.loc()) << "redefinition of '" << argName.spelling << "'";
      return failure();
    }
    body->getArgument(i).setLoc(nameLoc(argName.spelling, argName.loc()));
    values[argName.spelling] = body->getArgument(i);
    usedNames.insert(argName.spelling);
  }
  builder.setInsertionPointToEnd(body);

  if (failed(expect(Token::l_brace, "'{' starting the function body")))
    return failure();
  while (!tok.is(Token::r_brace)) {
    if (failed(parseStatement()))
      return failure();
  }
  next();
  if (failed(expect(Token::arrow, "'->' before the function's outputs")) ||
      failed(expect(Token::l_paren, "'('")))
    return failure();
  SmallVector<Value> results;
  while (!tok.is(Token::r_paren)) {
    Token out = tok;
    if (failed(expect(Token::identifier, "an output name")))
      return failure();
    auto it = values.find(out.spelling);
    if (it == values.end()) {
      if (consts.count(out.spelling))
        error(out.loc()) << "output '" << out.spelling
                         << "' is a constant that is not a MIL tensor";
      else
        error(out.loc()) << "undefined value '" << out.spelling << "'";
      return failure();
    }
    results.push_back(it->second);
    if (tok.is(Token::comma))
      next();
    else if (!tok.is(Token::r_paren))
      return expect(Token::r_paren, "',' or ')'");
  }
  next();
  if (failed(expect(Token::semicolon, "';' after the function's outputs")))
    return failure();
  func::ReturnOp::create(builder, loc(funcLoc), results);
  func.setType(
      builder.getFunctionType(inputTypes, ValueRange(results).getTypes()));
  // Constants whose every use was folded into an attribute disappear.
  for (Operation *op : llvm::reverse(constOps))
    if (op->use_empty())
      op->erase();
  return success();
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

Value Importer::materializeConst(const Literal &lit, StringRef name) {
  auto type = dyn_cast<RankedTensorType>(lit.type.mlirType);
  if (!type || !isMILTensorElement(type.getElementType()) ||
      !(isa<ElementsAttr>(lit.attr) || isa<BlobFileAttr>(lit.attr)))
    return Value();
  OperationState state(nameLoc(name, lit.loc), "mil.const");
  state.addTypes(type);
  state.propertiesAttr =
      builder.getDictionaryAttr(builder.getNamedAttr("val", lit.attr));
  Operation *op = builder.create(state);
  constOps.push_back(op);
  return op->getResult(0);
}

FailureOr<Value> Importer::resolveOperand(const Binding &b, StringRef opName,
                                          StringRef param,
                                          StringRef resultName) {
  if (b.kind == Binding::Tuple) {
    error(b.loc) << "'" << param << "' of '" << opName
                 << "' takes one value, not a tuple";
    return failure();
  }
  if (b.kind == Binding::Lit) {
    Literal lit = b.lit;
    mlirTypeOf(lit.type);
    Value v = materializeConst(
        lit, uniqueName((resultName + "_" + param + "_0").str()));
    if (!v) {
      error(b.loc) << "'" << param << "' of '" << opName << "' cannot take a "
                   << spell(lit.type) << " value";
      return failure();
    }
    return v;
  }
  auto it = values.find(b.name);
  if (it != values.end())
    return it->second;
  if (consts.count(b.name)) {
    error(b.loc) << "'" << param << "' of '" << opName << "' cannot take '"
                 << b.name << "' of type " << spell(consts[b.name].lit.type);
    return failure();
  }
  error(b.loc) << "undefined value '" << b.name << "'";
  return failure();
}

FailureOr<Literal> Importer::resolveLiteral(const Binding &b, StringRef opName,
                                            StringRef param) {
  if (b.kind == Binding::Lit)
    return b.lit;
  if (b.kind == Binding::Ref) {
    auto it = consts.find(b.name);
    if (it != consts.end())
      return it->second.lit;
    if (values.count(b.name))
      error(b.loc) << "'" << param << "' of '" << opName
                   << "' must be a compile-time constant, but '" << b.name
                   << "' is not a const";
    else
      error(b.loc) << "undefined value '" << b.name << "'";
    return failure();
  }
  error(b.loc) << "'" << param << "' of '" << opName
               << "' must be a constant, not a tuple";
  return failure();
}

FailureOr<Attribute> Importer::convertParam(const Literal &lit, ParamKind kind,
                                            StringRef opName, StringRef param) {
  auto elements = dyn_cast<DenseElementsAttr>(lit.attr);
  Type element = elements ? elements.getElementType() : Type();
  auto mismatch = [&](StringRef expected) -> FailureOr<Attribute> {
    error(lit.loc) << "'" << param << "' of '" << opName << "' expects "
                   << expected << ", got " << spell(lit.type);
    return failure();
  };
  bool isScalar = elements && elements.getNumElements() == 1 &&
                  elements.getType().getRank() == 0;
  switch (kind) {
  case ParamKind::IntAttr:
    if (!isScalar || !isa<IntegerType>(element) ||
        element.getIntOrFloatBitWidth() == 1)
      return mismatch("an int32 scalar");
    return Attribute(builder.getI32IntegerAttr(
        (*elements.getValues<APInt>().begin()).getSExtValue()));
  case ParamKind::BoolAttr:
    if (!isScalar || !element.isInteger(1))
      return mismatch("a bool scalar");
    return Attribute(builder.getBoolAttr(*elements.getValues<bool>().begin()));
  case ParamKind::StrAttr:
    if (!isa<StringAttr>(lit.attr))
      return mismatch("a string");
    return lit.attr;
  case ParamKind::FloatAttr:
    if (!isScalar || !isa<FloatType>(element))
      return mismatch("a float scalar");
    return Attribute(
        FloatAttr::get(element, *elements.getValues<APFloat>().begin()));
  case ParamKind::IntArrayAttr: {
    if (!elements || elements.getType().getRank() != 1 ||
        !isa<IntegerType>(element) || element.getIntOrFloatBitWidth() == 1)
      return mismatch("an int32 vector");
    SmallVector<int32_t> vals;
    for (const APInt &v : elements.getValues<APInt>())
      vals.push_back(static_cast<int32_t>(
          cast<IntegerType>(element).isUnsigned() ? v.getZExtValue()
                                                  : v.getSExtValue()));
    return Attribute(builder.getDenseI32ArrayAttr(vals));
  }
  case ParamKind::BoolArrayAttr: {
    if (!elements || elements.getType().getRank() != 1 || !element.isInteger(1))
      return mismatch("a bool vector");
    SmallVector<bool> vals(elements.getValues<bool>());
    return Attribute(builder.getDenseBoolArrayAttr(vals));
  }
  case ParamKind::ElementsAttr:
    if (!isa<ElementsAttr>(lit.attr)) {
      if (isa<BlobFileAttr>(lit.attr))
        return mismatch("tensor data (this parameter cannot stay a symbolic "
                        "BLOBFILE reference; import with the weights)");
      return mismatch("a tensor");
    }
    return lit.attr;
  case ParamKind::OtherAttr:
    return lit.attr;
  default:
    llvm_unreachable("not an attribute kind");
  }
}

FailureOr<Attribute>
Importer::genericBinding(const Binding &b, SmallVectorImpl<Value> &operands) {
  switch (b.kind) {
  case Binding::Lit:
    return typedAttr(b.lit);
  case Binding::Tuple: {
    SmallVector<Attribute> elems;
    for (const Binding &e : b.elements) {
      auto a = genericBinding(e, operands);
      if (failed(a))
        return failure();
      elems.push_back(*a);
    }
    return Attribute(builder.getArrayAttr(elems));
  }
  case Binding::Ref: {
    auto it = values.find(b.name);
    if (it != values.end()) {
      operands.push_back(it->second);
      return Attribute(builder.getIndexAttr(operands.size() - 1));
    }
    auto c = consts.find(b.name);
    if (c != consts.end())
      return typedAttr(c->second.lit);
    error(b.loc) << "undefined value '" << b.name << "'";
    return failure();
  }
  }
  return failure();
}

LogicalResult Importer::verifyBuiltOp(Operation *op, ArrayRef<MILType> declared,
                                      ArrayRef<StringRef> names,
                                      StringRef opName) {
  SmallVector<Diagnostic> captured;
  LogicalResult result = success();
  {
    ScopedDiagnosticHandler handler(ctx, [&](Diagnostic &diag) {
      captured.push_back(std::move(diag));
      return success();
    });
    result = mlir::verify(op);
  }
  // Passes diagnostics through with their severity and notes.
  auto reemit = [&]() {
    for (Diagnostic &d : captured) {
      InFlightDiagnostic diag = d.getSeverity() == DiagnosticSeverity::Error
                                    ? emitError(d.getLocation())
                                : d.getSeverity() == DiagnosticSeverity::Warning
                                    ? emitWarning(d.getLocation())
                                    : emitRemark(d.getLocation());
      diag << d.str();
      for (Diagnostic &note : d.getNotes())
        diag.attachNote(note.getLocation()) << note.str();
    }
  };
  if (succeeded(result)) {
    reemit();
    return success();
  }
  // A result type that differs from what the op infers: say so in MIL
  // terms.
  auto infer = dyn_cast<InferTypeOpInterface>(op);
  bool inferenceMismatch = llvm::any_of(captured, [](Diagnostic &d) {
    return StringRef(d.str()).contains("inferred type(s)");
  });
  if (infer && inferenceMismatch) {
    SmallVector<Type> inferred;
    if (succeeded(infer.inferReturnTypes(
            ctx, std::nullopt, op->getOperands(), op->getRawDictionaryAttrs(),
            op->getPropertiesStorage(), op->getRegions(), inferred)) &&
        inferred.size() == declared.size()) {
      for (auto [i, type] : llvm::enumerate(inferred)) {
        if (type == op->getResult(i).getType())
          continue;
        std::string text;
        llvm::raw_string_ostream os(text);
        if (auto t = dyn_cast<RankedTensorType>(type)) {
          auto dt = stringifyDType(t.getElementType());
          os << "tensor<" << (dt ? *dt : StringRef("?")) << ", [";
          llvm::interleave(
              t.getShape(), os,
              [&](int64_t d) {
                if (ShapedType::isDynamic(d))
                  os << "?";
                else
                  os << d;
              },
              ", ");
          os << "]>";
        } else {
          os << type;
        }
        error(declared[i].loc) << "type mismatch: '" << names[i]
                               << "' is declared as " << spell(declared[i])
                               << " but '" << opName << "' produces " << text;
        return failure();
      }
    }
  }
  reemit();
  return failure();
}

LogicalResult Importer::parseStatement() {
  SMLoc stmtLoc = tok.loc();
  SmallVector<MILType> types;
  SmallVector<Token> names;
  while (true) {
    MILType type;
    if (failed(parseType(type)))
      return failure();
    types.push_back(type);
    names.push_back(tok);
    if (failed(expect(Token::identifier, "a value name")))
      return failure();
    if (values.count(names.back().spelling) ||
        consts.count(names.back().spelling)) {
      error(names.back().loc())
          << "redefinition of '" << names.back().spelling << "'";
      return failure();
    }
    if (tok.is(Token::comma)) {
      next();
      continue;
    }
    break;
  }
  if (failed(expect(Token::equal, "'='")))
    return failure();
  Token opTok = tok;
  if (failed(expect(Token::identifier, "an op name")))
    return failure();
  StringRef opName = opTok.spelling;
  std::optional<std::string> opOpset;
  if (tok.is(Token::less)) {
    next();
    Token o = tok;
    if (failed(expect(Token::identifier, "an opset")))
      return failure();
    opOpset = o.spelling.str();
    if (failed(expect(Token::greater, "'>'")))
      return failure();
  }
  // Arguments.
  if (failed(expect(Token::l_paren, "'(' after the op name")))
    return failure();
  std::vector<std::pair<Token, Binding>> args;
  StringRef firstName = names.front().spelling;
  while (!tok.is(Token::r_paren)) {
    Token key = tok;
    if (failed(expect(Token::identifier, "an argument name")) ||
        failed(expect(Token::equal, "'='")))
      return failure();
    for (auto &a : args)
      if (a.first.spelling == key.spelling) {
        error(key.loc()) << "argument '" << key.spelling << "' given twice";
        return failure();
      }
    Binding b;
    if (failed(parseBinding(b, (firstName + "_" + key.spelling).str())))
      return failure();
    args.emplace_back(key, std::move(b));
    if (tok.is(Token::comma))
      next();
    else if (!tok.is(Token::r_paren))
      return expect(Token::r_paren, "',' or ')'");
  }
  next();
  SmallVector<std::pair<Token, Literal>> attrs;
  if (tok.is(Token::l_square) && failed(parseAttrList(attrs, firstName)))
    return failure();
  if (failed(expect(Token::semicolon, "';' ending the statement")))
    return failure();

  // The op's `name` attribute.
  std::optional<std::string> opNameAttr;
  SmallVector<NamedAttribute> extra;
  std::vector<std::pair<Token, Literal>> attrArgs;
  std::optional<RegisteredOperationName> registered =
      RegisteredOperationName::lookup(("mil." + opName).str(), ctx);
  auto *iface =
      registered ? registered->getInterface<MILOpInterface>() : nullptr;
  ArrayRef<ParamInfo> params;
  if (iface)
    params = iface->getMILParams();
  for (auto &[key, lit] : attrs) {
    if (key.spelling == "name" && isa<StringAttr>(lit.attr)) {
      opNameAttr = cast<StringAttr>(lit.attr).getValue().str();
      continue;
    }
    if (llvm::any_of(params, [&](const ParamInfo &p) {
          return p.name == key.spelling;
        })) {
      attrArgs.emplace_back(key, lit);
      continue;
    }
    extra.emplace_back(StringAttr::get(ctx, key.spelling), typedAttr(lit));
  }

  for (MILType &t : types)
    mlirTypeOf(t);
  Location opLoc = nameLoc(firstName, stmtLoc);
  if (names.size() > 1) {
    SmallVector<Location> locs;
    for (Token &n : names)
      locs.push_back(nameLoc(n.spelling, n.loc()));
    opLoc = FusedLoc::get(ctx, locs);
  }
  for (Token &n : names)
    usedNames.insert(n.spelling);
  auto finish = [&](Operation *op) {
    if (opNameAttr && *opNameAttr != firstName)
      op->setAttr(kOpNameAttr, StringAttr::get(ctx, *opNameAttr));
    if (!extra.empty())
      op->setAttr(kExtraAttrsAttr, DictionaryAttr::get(ctx, extra));
    for (auto [i, n] : llvm::enumerate(names))
      values[n.spelling] = op->getResult(i);
  };

  // const(): remembered for folding into attributes; a mil.const when the
  // value is a MIL tensor.
  if (opName == "const") {
    if (names.size() != 1 || !args.empty()) {
      error(opTok.loc()) << "const takes no arguments and has one result";
      return failure();
    }
    const Literal *val = nullptr;
    for (auto &[key, lit] : attrArgs)
      if (key.spelling == "val")
        val = &lit;
    if (!val) {
      error(opTok.loc()) << "const '" << firstName << "' has no 'val'";
      return failure();
    }
    Literal lit = *val;
    mlirTypeOf(lit.type);
    if (lit.type.mlirType != types[0].mlirType &&
        !(lit.type.isString() && types[0].isString())) {
      error(lit.loc) << "type mismatch: '" << firstName << "' is declared as "
                     << spell(types[0]) << " but its value is "
                     << spell(lit.type);
      return failure();
    }
    ConstInfo info{lit, Value()};
    if (Value v = materializeConst(lit, firstName)) {
      v.getDefiningOp()->setLoc(opLoc);
      info.value = v;
      finish(v.getDefiningOp());
    }
    consts[firstName] = info;
    return success();
  }

  if (iface) {
    Opset introduced = iface->getIntroducedOpset();
    if (introduced > *parseOpset(functionOpset)) {
      error(opTok.loc()) << "op '" << opName << "' needs opset "
                         << stringifyOpset(introduced)
                         << " but the function's opset is " << functionOpset;
      return failure();
    }
    SmallVector<Value> operands;
    SmallVector<int32_t> segments;
    SmallVector<NamedAttribute> props;
    SmallVector<NamedAttribute> blobTypes;
    auto findArg = [&](StringRef name) -> const Binding * {
      for (auto &a : args)
        if (a.first.spelling == name)
          return &a.second;
      return nullptr;
    };
    std::vector<Binding> attrBindings;
    attrBindings.reserve(attrArgs.size());
    for (auto &[key, lit] : attrArgs) {
      Binding b;
      b.kind = Binding::Lit;
      b.lit = lit;
      b.loc = lit.loc;
      b.name = key.spelling;
      attrBindings.push_back(std::move(b));
    }
    auto findAny = [&](StringRef name) -> const Binding * {
      if (const Binding *b = findArg(name))
        return b;
      for (const Binding &b : attrBindings)
        if (b.name == name)
          return &b;
      return nullptr;
    };
    for (auto &a : args)
      if (!llvm::any_of(params, [&](const ParamInfo &p) {
            return p.name == a.first.spelling;
          })) {
        error(a.first.loc()) << "'" << opName << "' has no parameter '"
                             << a.first.spelling << "'";
        return failure();
      }
    for (const ParamInfo &p : params) {
      const Binding *b = findAny(p.name);
      switch (p.kind) {
      case ParamKind::Operand:
      case ParamKind::OptionalOperand: {
        if (!b) {
          if (p.kind == ParamKind::Operand) {
            error(opTok.loc())
                << "'" << opName << "' is missing its input '" << p.name << "'";
            return failure();
          }
          segments.push_back(0);
          break;
        }
        auto v = resolveOperand(*b, opName, p.name, firstName);
        if (failed(v))
          return failure();
        operands.push_back(*v);
        segments.push_back(1);
        break;
      }
      case ParamKind::VariadicOperand: {
        int32_t n = 0;
        if (b) {
          ArrayRef<Binding> elems = b->kind == Binding::Tuple
                                        ? ArrayRef<Binding>(b->elements)
                                        : ArrayRef<Binding>(*b);
          for (const Binding &e : elems) {
            auto v = resolveOperand(e, opName, p.name, firstName);
            if (failed(v))
              return failure();
            operands.push_back(*v);
            ++n;
          }
        }
        segments.push_back(n);
        break;
      }
      default: {
        if (!b)
          break;
        auto lit = resolveLiteral(*b, opName, p.name);
        if (failed(lit))
          return failure();
        auto attr = convertParam(*lit, p.kind, opName, p.name);
        if (failed(attr))
          return failure();
        props.emplace_back(StringAttr::get(ctx, p.name), *attr);
        if (isa<BlobFileAttr>(*attr))
          blobTypes.emplace_back(StringAttr::get(ctx, p.name),
                                 TypeAttr::get(mlirTypeOf(lit->type)));
        break;
      }
      }
    }
    if (registered->hasTrait<OpTrait::AttrSizedOperandSegments>())
      props.emplace_back(StringAttr::get(ctx, "operandSegmentSizes"),
                         builder.getDenseI32ArrayAttr(segments));
    OperationState state(opLoc, *registered);
    state.addOperands(operands);
    for (MILType &t : types)
      state.addTypes(t.mlirType);
    Operation *op = builder.create(state);
    if (!props.empty() && failed(op->setPropertiesFromAttribute(
                              builder.getDictionaryAttr(props), [&]() {
                                return emitError(opLoc)
                                       << "'" << opName << "': ";
                              }))) {
      op->erase();
      return failure();
    }
    finish(op);
    if (!blobTypes.empty())
      op->setAttr(kBlobTypesAttr, builder.getDictionaryAttr(blobTypes));
    SmallVector<StringRef> nameRefs;
    for (Token &n : names)
      nameRefs.push_back(n.spelling);
    return verifyBuiltOp(op, types, nameRefs, opName);
  }

  if (!options.allowUnknownOps) {
    error(opTok.loc()) << "unknown op '" << opName
                       << "' (not defined by the mil dialect; "
                          "--mil-allow-unknown-ops imports it generically)";
    return failure();
  }
  SmallVector<Value> operands;
  SmallVector<NamedAttribute> argAttrs;
  for (auto &[key, b] : args) {
    auto attr = genericBinding(b, operands);
    if (failed(attr))
      return failure();
    argAttrs.emplace_back(StringAttr::get(ctx, key.spelling), *attr);
  }
  for (auto &[key, lit] : attrArgs)
    extra.emplace_back(StringAttr::get(ctx, key.spelling), typedAttr(lit));
  OperationState state(opLoc, (kGenericOpDialect + "." + opName).str());
  state.addOperands(operands);
  for (MILType &t : types)
    state.addTypes(t.mlirType);
  state.addAttribute(kGenericArgsAttr, builder.getDictionaryAttr(argAttrs));
  if (opOpset)
    state.addAttribute(kGenericOpsetAttr, builder.getStringAttr(*opOpset));
  Operation *op = builder.create(state);
  finish(op);
  return success();
}

OwningOpRef<ModuleOp> ane::mil::importMILText(llvm::SourceMgr &sourceMgr,
                                              MLIRContext *context,
                                              const MILImportOptions &options) {
  context->loadDialect<MILDialect, func::FuncDialect>();
  if (options.allowUnknownOps)
    context->allowUnregisteredDialects();
  Importer importer(sourceMgr, context, options);
  return importer.importProgram();
}
