//===- MILParser.h - The MIL text parser's state ---------------*- C++ -*-===//
//
// Internal to lib/Target/MIL: the recursive-descent parser that builds mil
// ops from MIL text. Types, literals and BLOBFILE references are parsed in
// MILLiteralParser.cpp; the program, functions and statements in
// MILImporter.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_TARGET_MIL_MILPARSER_H
#define ANE_LIB_TARGET_MIL_MILPARSER_H

#include "MILLexer.h"
#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Target/MIL/MILBlob.h"
#include "ane/Target/MIL/MILImporter.h"
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

namespace ane::mil::detail {

using namespace mlir;

/// The element types mil ops accept (MILBase.td's MIL_Tensor).
inline bool isMILTensorElement(Type t) {
  if (t.isF16() || t.isF32())
    return true;
  auto i = dyn_cast<IntegerType>(t);
  if (!i)
    return false;
  if (i.isSignless())
    return llvm::is_contained({1u, 8u, 16u, 32u}, i.getWidth());
  return i.isUnsigned() && (i.getWidth() == 8 || i.getWidth() == 16);
}

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
  /// The weight file (relative to @model_path) the current statement's
  /// loaded BLOBFILE data came from, when it is not weights/weight.bin.
  std::string statementWeightFile;
};

} // namespace ane::mil::detail

#endif // ANE_LIB_TARGET_MIL_MILPARSER_H
