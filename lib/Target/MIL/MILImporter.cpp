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

#include "MILParser.h"
#include "ane/Target/MIL/MILOpaqueDialects.h"

using namespace mlir;
using namespace ane::mil;
using namespace ane::mil::detail;

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
    // Small tensors read from a weight file become plain dense elements:
    // verifiers and folders read their values.
    if (auto resource = dyn_cast<DenseResourceElementsAttr>(lit.attr)) {
      AsmResourceBlob *blob = resource.getRawHandle().getBlob();
      Type e = resource.getElementType();
      if (blob && !e.isInteger(1) && e.getIntOrFloatBitWidth() % 8 == 0)
        return Attribute(DenseElementsAttr::getFromRawBuffer(resource.getType(),
                                                             blob->getData()));
    }
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
  statementWeightFile.clear();
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
  // An op the dialect defines only from a later opset than the function's
  // (e.g. quantize, ios17, inside an ios16 function) is unknown there or an
  // earlier form of the op: generic when allowed.
  if (iface && iface->getIntroducedOpset() > *parseOpset(functionOpset)) {
    if (!options.allowUnknownOps) {
      error(opTok.loc()) << "op '" << opName << "' needs opset "
                         << stringifyOpset(iface->getIntroducedOpset())
                         << " but the function's opset is " << functionOpset
                         << " (--mil-allow-unknown-ops imports its earlier "
                            "form generically)";
      return failure();
    }
    iface = nullptr;
  }
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
    if (!statementWeightFile.empty())
      op->setAttr(kWeightFileAttr, StringAttr::get(ctx, statementWeightFile));
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

  // A parameter the dialect's op does not have (a later or earlier form of
  // the op the dialect does not model): an error, or a generic
  // op with a warning when unknown ops are allowed.
  if (iface)
    for (auto &a : args)
      if (!llvm::any_of(params, [&](const ParamInfo &p) {
            return p.name == a.first.spelling;
          })) {
        if (!options.allowUnknownOps) {
          error(a.first.loc()) << "'" << opName << "' has no parameter '"
                               << a.first.spelling << "'";
          return failure();
        }
        emitWarning(loc(a.first.loc()))
            << "'" << opName << "' has no parameter '" << a.first.spelling
            << "' in the mil dialect; imported as a generic op";
        iface = nullptr;
        for (auto &[key, lit] : attrArgs)
          extra.emplace_back(StringAttr::get(ctx, key.spelling),
                             typedAttr(lit));
        attrArgs.clear();
        break;
      }
  if (iface) {
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
    if (!options.verify)
      return success();
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
  context->loadDialect<MILDialect, MILTextDialect, MILGenericDialect,
                       func::FuncDialect>();
  Importer importer(sourceMgr, context, options);
  return importer.importProgram();
}
