//===- MILEmitter.cpp - The mil dialect to MIL text -----------------------===//
//
// Prints mil modules as MIL text in coremlc's layout, generically from each
// op's MIL parameter table, and collects large constants into a MILBlob
// weight file.
//
//===----------------------------------------------------------------------===//

#include "ane/Target/MIL/MILEmitter.h"

#include "ane/Dialect/MIL/MILConstants.h"
#include "ane/Dialect/MIL/MILDialect.h"
#include "ane/Target/MIL/MILBlob.h"
#include "ane/Target/MIL/MILTextFormat.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"

#include <set>

using namespace mlir;
using namespace ane::mil;

namespace {

class Emitter {
public:
  Emitter(ModuleOp module, MILProgram &program, const MILExportOptions &options)
      : module(module), program(program), options(options), os(program.text) {}

  LogicalResult emit();

private:
  LogicalResult emitFunction(func::FuncOp func, StringRef opset);
  LogicalResult emitOp(Operation *op, StringRef opset);
  void assignNames(func::FuncOp func);
  std::string freshName(StringRef base);

  // Types and literals.
  FailureOr<std::string> typeText(Type type, Location loc);
  std::string scalarOrTensor(StringRef dtype, ArrayRef<int64_t> shape);
  FailureOr<std::string> literal(Attribute attr, Type type, Location loc);
  FailureOr<std::string> elementsLiteral(ElementsAttr attr, Location loc);
  FailureOr<std::string> blobFile(ElementsAttr attr, Location loc);
  std::string wrap(StringRef typeText, StringRef payload) {
    return (typeText + "(" + payload + ")").str();
  }
  std::string stringLiteral(StringRef s);
  FailureOr<std::string> genericBinding(Attribute binding, Operation *op);

  ModuleOp module;
  MILProgram &program;
  const MILExportOptions &options;
  llvm::raw_string_ostream os;
  bool v13 = true;
  /// The default weight file (relative to the program directory) and the
  /// one the op being printed writes to.
  std::string defaultWeightFile, weightFile;
  std::map<std::string, blob::Writer> writers;

  DenseMap<Value, std::string> names;
  llvm::StringSet<> used;
};

} // namespace

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

static std::string sanitize(StringRef name) {
  std::string out;
  for (char c : name)
    out += (llvm::isAlnum(c) || c == '_') ? c : '_';
  if (out.empty() || llvm::isDigit(out[0]))
    out = "_" + out;
  return out;
}

static void collectNameLocs(Location loc, SmallVectorImpl<StringRef> &out) {
  if (auto nameLoc = dyn_cast<NameLoc>(loc)) {
    out.push_back(nameLoc.getName().getValue());
    return;
  }
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location l : fused.getLocations())
      collectNameLocs(l, out);
}

std::string Emitter::freshName(StringRef base) {
  std::string name = base.str();
  for (unsigned i = 1; used.contains(name); ++i)
    name = (base + "_" + Twine(i)).str();
  used.insert(name);
  return name;
}

void Emitter::assignNames(func::FuncOp func) {
  names.clear();
  used.clear();
  // Names written in the IR first, in order; generated names fill the gaps.
  SmallVector<std::pair<Value, std::string>> pending;
  // A `mil.name` argument attribute (as ane-run and the builder write them)
  // names the value too; a NameLoc wins when both are present.
  for (BlockArgument arg : func.getArguments()) {
    SmallVector<StringRef> found;
    collectNameLocs(arg.getLoc(), found);
    if (auto attr =
            func.getArgAttrOfType<StringAttr>(arg.getArgNumber(), kOpNameAttr))
      found.push_back(attr.getValue());
    if (!found.empty())
      names[arg] = freshName(sanitize(found.front()));
  }
  // An output's `mil.name` result attribute is the program's interface and
  // wins over the name of the op that computes it (as in the interpreter).
  if (!func.getBody().empty())
    if (auto ret = dyn_cast<func::ReturnOp>(func.getBody().back().back()))
      for (auto [i, value] : llvm::enumerate(ret.getOperands()))
        if (auto attr = func.getResultAttrOfType<StringAttr>(i, kOpNameAttr))
          if (!names.count(value))
            names[value] = freshName(sanitize(attr.getValue()));
  func.walk([&](Operation *op) {
    SmallVector<StringRef> found;
    collectNameLocs(op->getLoc(), found);
    for (auto [i, result] : llvm::enumerate(op->getResults()))
      if (i < found.size() && !names.count(result))
        names[result] = freshName(sanitize(found[i]));
  });
  unsigned counter = 0;
  auto generate = [&](Value v, StringRef prefix) {
    if (names.count(v))
      return;
    std::string name;
    do
      name = (prefix + "_" + Twine(counter++)).str();
    while (used.contains(name));
    names[v] = freshName(name);
  };
  for (BlockArgument arg : func.getArguments())
    generate(arg, "input");
  func.walk([&](Operation *op) {
    for (Value result : op->getResults())
      generate(result, "var");
  });
}

//===----------------------------------------------------------------------===//
// Types and literals
//===----------------------------------------------------------------------===//

std::string Emitter::scalarOrTensor(StringRef dtype, ArrayRef<int64_t> shape) {
  if (shape.empty() && v13)
    return dtype.str();
  std::string out = ("tensor<" + dtype + ", [").str();
  for (auto [i, d] : llvm::enumerate(shape)) {
    if (i)
      out += ", ";
    out += ShapedType::isDynamic(d) ? "?" : std::to_string(d);
  }
  return out + "]>";
}

FailureOr<std::string> Emitter::typeText(Type type, Location loc) {
  if (auto tensor = dyn_cast<RankedTensorType>(type)) {
    auto dtype = stringifyDType(tensor.getElementType());
    if (dtype)
      return scalarOrTensor(*dtype, tensor.getShape());
  }
  if (auto opaque = dyn_cast<OpaqueType>(type);
      opaque && opaque.getDialectNamespace() == kOpaqueTextDialect) {
    if (opaque.getTypeData() == "string")
      return scalarOrTensor("string", {});
    return opaque.getTypeData().str();
  }
  emitError(loc) << "type " << type << " has no MIL spelling";
  return failure();
}

std::string Emitter::stringLiteral(StringRef s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c;
  }
  return out + "\"";
}

/// Little-endian bytes of every element (splats expanded); std::nullopt for
/// element types without a byte layout (bool, and the sub-byte integers a
/// `dense` attribute stores one per byte) and unloaded blobs.
static std::optional<std::vector<char>> rawBytes(ElementsAttr attr) {
  Type element = attr.getElementType();
  if (element.isInteger(1) ||
      (isa<DenseElementsAttr>(attr) && element.getIntOrFloatBitWidth() % 8))
    return std::nullopt;
  std::optional<RawElements> raw = getRawElements(attr);
  if (!raw)
    return std::nullopt;
  if (!raw->splat)
    return std::vector<char>(raw->bytes.begin(), raw->bytes.end());
  std::vector<char> out;
  out.reserve(raw->bytes.size() * attr.getNumElements());
  for (int64_t i = 0; i < attr.getNumElements(); ++i)
    out.insert(out.end(), raw->bytes.begin(), raw->bytes.end());
  return out;
}

FailureOr<std::string> Emitter::blobFile(ElementsAttr attr, Location loc) {
  auto dtype = blob::dtypeForElementType(attr.getElementType());
  auto bytes = rawBytes(attr);
  if (!dtype || !bytes) {
    emitError(loc) << "cannot write " << attr.getType()
                   << " data to a weight file";
    return failure();
  }
  uint64_t expected = blob::payloadSize(*dtype, attr.getNumElements());
  if (bytes->size() != expected) {
    emitError(loc) << "constant data has " << bytes->size()
                   << " bytes, its type needs " << expected;
    return failure();
  }
  uint64_t padding =
      (expected * 8 - attr.getNumElements() * blob::bitWidth(*dtype));
  uint64_t offset = writers[weightFile].append(*dtype, *bytes, padding);
  std::string path = wrap(scalarOrTensor("string", {}),
                          stringLiteral("@model_path/" + weightFile));
  std::string off = wrap(scalarOrTensor("uint64", {}), std::to_string(offset));
  return "BLOBFILE(path = " + path + ", offset = " + off + ")";
}

static std::string elementText(Type element, const APInt &raw) {
  if (auto f = dyn_cast<FloatType>(element))
    return formatHexFloat(APFloat(f.getFloatSemantics(), raw));
  if (element.isInteger(1))
    return raw.isZero() ? "false" : "true";
  return cast<IntegerType>(element).isUnsigned()
             ? std::to_string(raw.getZExtValue())
             : std::to_string(raw.getSExtValue());
}

FailureOr<std::string> Emitter::elementsLiteral(ElementsAttr attr,
                                                Location loc) {
  auto type = cast<ShapedType>(attr.getType());
  auto typeStr = typeText(type, loc);
  if (failed(typeStr))
    return failure();
  Type element = type.getElementType();
  int64_t count = attr.getNumElements();
  bool storable = blob::dtypeForElementType(element) && !element.isInteger(1);
  bool subByte = storable && element.getIntOrFloatBitWidth() % 8;
  if (storable && (count >= options.inlineThreshold || subByte)) {
    auto ref = blobFile(attr, loc);
    if (failed(ref))
      return failure();
    return wrap(*typeStr, *ref);
  }
  SmallVector<std::string> items;
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    for (int64_t i = 0; i < count; ++i) {
      APInt raw;
      if (auto f = dyn_cast<FloatType>(element))
        raw = dense.getValues<APFloat>()[i].bitcastToAPInt();
      else
        raw = dense.getValues<APInt>()[i];
      items.push_back(elementText(element, raw));
    }
  } else {
    auto bytes = rawBytes(attr);
    unsigned width = element.getIntOrFloatBitWidth();
    if (!bytes || width % 8 || bytes->size() != uint64_t(count) * (width / 8)) {
      emitError(loc) << "cannot read the contents of constant " << attr;
      return failure();
    }
    for (int64_t i = 0; i < count; ++i) {
      uint64_t v = 0;
      std::memcpy(&v, bytes->data() + i * (width / 8), width / 8);
      items.push_back(elementText(element, APInt(width, v)));
    }
  }
  std::string payload = llvm::join(items, ", ");
  if (type.getRank() != 0)
    payload = "[" + payload + "]";
  return wrap(*typeStr, payload);
}

FailureOr<std::string> Emitter::literal(Attribute attr, Type type,
                                        Location loc) {
  if (auto b = dyn_cast<BoolAttr>(attr))
    return wrap(scalarOrTensor("bool", {}), b.getValue() ? "true" : "false");
  if (auto i = dyn_cast<IntegerAttr>(attr)) {
    auto dtype = stringifyDType(i.getType());
    if (!dtype) {
      emitError(loc) << "integer attribute " << attr << " has no MIL dtype";
      return failure();
    }
    return wrap(scalarOrTensor(*dtype, {}),
                elementText(i.getType(), i.getValue()));
  }
  if (auto f = dyn_cast<FloatAttr>(attr)) {
    auto dtype = stringifyDType(f.getType());
    if (!dtype) {
      emitError(loc) << "float attribute " << attr << " has no MIL dtype";
      return failure();
    }
    return wrap(scalarOrTensor(*dtype, {}), formatHexFloat(f.getValue()));
  }
  if (auto s = dyn_cast<StringAttr>(attr))
    return wrap(scalarOrTensor("string", {}), stringLiteral(s.getValue()));
  if (auto a = dyn_cast<DenseI32ArrayAttr>(attr)) {
    std::string payload = "[";
    llvm::raw_string_ostream p(payload);
    llvm::interleaveComma(a.asArrayRef(), p);
    p << "]";
    return wrap(scalarOrTensor("int32", {(int64_t)a.size()}), payload);
  }
  if (auto a = dyn_cast<DenseBoolArrayAttr>(attr)) {
    SmallVector<std::string> items;
    for (bool v : a.asArrayRef())
      items.push_back(v ? "true" : "false");
    return wrap(scalarOrTensor("bool", {(int64_t)a.size()}),
                "[" + llvm::join(items, ", ") + "]");
  }
  if (auto e = dyn_cast<ElementsAttr>(attr))
    return elementsLiteral(e, loc);
  if (auto blobRef = dyn_cast<BlobFileAttr>(attr)) {
    if (!type) {
      emitError(loc)
          << "symbolic BLOBFILE reference without a recorded tensor type (no '"
          << kBlobTypesAttr << "' entry)";
      return failure();
    }
    if (blobRef.getPath() == "@model_path/" + defaultWeightFile) {
      emitError(loc) << "internal error: weight file path collision";
      return failure();
    }
    auto typeStr = typeText(type, loc);
    if (failed(typeStr))
      return failure();
    return wrap(*typeStr, "BLOBFILE(path = " +
                              wrap(scalarOrTensor("string", {}),
                                   stringLiteral(blobRef.getPath())) +
                              ", offset = " +
                              wrap(scalarOrTensor("uint64", {}),
                                   std::to_string(blobRef.getOffset())) +
                              ")");
  }
  if (auto opaque = dyn_cast<OpaqueAttr>(attr);
      opaque && opaque.getDialectNamespace() == kOpaqueTextDialect)
    return opaque.getAttrData().str();
  // A symbolic blob reference paired with its type.
  if (auto pair = dyn_cast<ArrayAttr>(attr); pair && pair.size() == 2)
    if (auto t = dyn_cast<TypeAttr>(pair[0]); t && isa<BlobFileAttr>(pair[1]))
      return literal(pair[1], t.getValue(), loc);
  emitError(loc) << "attribute " << attr << " has no MIL literal form";
  return failure();
}

FailureOr<std::string> Emitter::genericBinding(Attribute binding,
                                               Operation *op) {
  if (auto index = dyn_cast<IntegerAttr>(binding);
      index && index.getType().isIndex()) {
    uint64_t i = index.getValue().getZExtValue();
    if (i >= op->getNumOperands()) {
      op->emitError() << "argument refers to operand #" << i
                      << " which does not exist";
      return failure();
    }
    return names.lookup(op->getOperand(i));
  }
  if (auto tuple = dyn_cast<ArrayAttr>(binding);
      tuple && !(tuple.size() == 2 && isa<TypeAttr>(tuple[0]))) {
    SmallVector<std::string> items;
    for (Attribute a : tuple) {
      auto s = genericBinding(a, op);
      if (failed(s))
        return failure();
      items.push_back(*s);
    }
    return "(" + llvm::join(items, ", ") + ")";
  }
  return literal(binding, Type(), op->getLoc());
}

//===----------------------------------------------------------------------===//
// Ops, functions, program
//===----------------------------------------------------------------------===//

LogicalResult Emitter::emitOp(Operation *op, StringRef opset) {
  constexpr StringLiteral indent = "            ";
  Location loc = op->getLoc();
  weightFile = defaultWeightFile;
  if (auto file = op->getAttrOfType<StringAttr>(kWeightFileAttr)) {
    StringRef rel = file.getValue();
    if (rel.empty() || rel.starts_with("/") || rel.contains(".."))
      return op->emitError() << "'" << kWeightFileAttr
                             << "' must be a relative path inside the "
                                "program directory, got '"
                             << rel << "'";
    weightFile = rel.str();
  }
  // Result declarations.
  SmallVector<std::string> decls;
  for (Value result : op->getResults()) {
    auto t = typeText(result.getType(), loc);
    if (failed(t))
      return failure();
    decls.push_back(*t + " " + names.lookup(result));
  }
  std::string firstName =
      op->getNumResults() ? names.lookup(op->getResult(0)) : "";
  std::map<std::string, std::string> args, attrs;
  std::string opName;
  std::string opSuffix;
  auto nameAttr = op->getAttrOfType<StringAttr>(kOpNameAttr);
  attrs["name"] = wrap(
      scalarOrTensor("string", {}),
      stringLiteral(nameAttr ? nameAttr.getValue() : StringRef(firstName)));
  if (auto extra = op->getAttrOfType<DictionaryAttr>(kExtraAttrsAttr)) {
    for (NamedAttribute a : extra) {
      auto lit = literal(a.getValue(), Type(), loc);
      if (failed(lit))
        return failure();
      attrs[a.getName().str()] = *lit;
    }
  }

  if (auto constOp = dyn_cast<ConstOp>(op)) {
    opName = "const";
    auto lit = literal(constOp.getVal(), constOp.getType(), loc);
    if (failed(lit))
      return failure();
    attrs["val"] = *lit;
  } else if (auto milOp = dyn_cast<MILOpInterface>(op)) {
    opName = op->getName().stripDialect().str();
    Opset target = *parseOpset(opset);
    if (milOp.getIntroducedOpset() > target) {
      op->emitError() << "op '" << opName << "' needs opset "
                      << stringifyOpset(milOp.getIntroducedOpset())
                      << " but the target opset is " << opset;
      return failure();
    }
    bool constexprInline = StringRef(opName).starts_with("constexpr_");
    // Constexpr parameters print as attributes (`op()[...]`) in the op forms
    // that opsets up to ios17 define (also under an ios18 target: the form
    // the public ANE programs run on device); forms from ios18 on (ios18's
    // own constexpr ops, and ops it redefined, see `redefinedIn` in
    // MILBase.td) take them as inputs. The form is the latest definition of
    // the op up to the target.
    std::optional<Opset> redefined = milOp.getRedefinedOpset();
    Opset form = redefined && *redefined <= target ? *redefined
                                                   : milOp.getIntroducedOpset();
    bool constexprAsAttrs = constexprInline && form <= Opset::ios17;
    // Operand segments, in parameter order.
    ArrayRef<ParamInfo> params = milOp.getMILParams();
    SmallVector<int32_t> segments;
    if (auto sizes =
            op->getAttrOfType<DenseI32ArrayAttr>("operandSegmentSizes")) {
      segments.assign(sizes.asArrayRef().begin(), sizes.asArrayRef().end());
    } else {
      // At most one optional or variadic operand: it takes what the
      // required ones leave.
      int32_t required = llvm::count_if(params, [](const ParamInfo &p) {
        return p.kind == ParamKind::Operand;
      });
      for (const ParamInfo &p : params)
        if (!isAttrKind(p.kind))
          segments.push_back(p.kind == ParamKind::Operand
                                 ? 1
                                 : int32_t(op->getNumOperands()) - required);
    }
    unsigned operandIndex = 0, segmentIndex = 0;
    for (const ParamInfo &p : params) {
      if (!isAttrKind(p.kind)) {
        int32_t n = segmentIndex < segments.size() ? segments[segmentIndex] : 0;
        ++segmentIndex;
        SmallVector<std::string> refs;
        for (int32_t i = 0; i < n; ++i)
          refs.push_back(names.lookup(op->getOperand(operandIndex++)));
        if (p.kind == ParamKind::VariadicOperand)
          args[p.name.str()] = "(" + llvm::join(refs, ", ") + ")";
        else if (n == 1)
          args[p.name.str()] = refs.front();
        continue;
      }
      Attribute value = op->getAttr(p.name);
      if (!value)
        continue;
      Type blobType;
      if (auto types = op->getAttrOfType<DictionaryAttr>(kBlobTypesAttr))
        if (auto t = types.getAs<TypeAttr>(p.name))
          blobType = t.getValue();
      auto lit = literal(value, blobType, loc);
      if (failed(lit))
        return failure();
      if (constexprAsAttrs) {
        attrs[p.name.str()] = *lit;
      } else if (constexprInline) {
        args[p.name.str()] = *lit;
      } else {
        // A named const(), as coremltools and coremlc print parameters.
        std::string constName =
            freshName((firstName + "_" + p.name + "_0").str());
        size_t open = lit->find('(');
        StringRef litType = StringRef(*lit).take_front(open);
        os << indent << litType << " " << constName << " = const()[name = "
           << wrap(scalarOrTensor("string", {}), stringLiteral(constName))
           << ", val = " << *lit << "];\n";
        args[p.name.str()] = constName;
      }
    }
  } else if (op->getName().getDialectNamespace() == kGenericOpDialect) {
    opName = op->getName().stripDialect().str();
    if (auto o = op->getAttrOfType<StringAttr>(kGenericOpsetAttr))
      opSuffix = ("<" + o.getValue() + ">").str();
    auto argDict = op->getAttrOfType<DictionaryAttr>(kGenericArgsAttr);
    if (argDict)
      for (NamedAttribute a : argDict) {
        auto b = genericBinding(a.getValue(), op);
        if (failed(b))
          return failure();
        args[a.getName().str()] = *b;
      }
  } else {
    op->emitError() << "'" << op->getName()
                    << "' is not a MIL op and cannot be exported";
    return failure();
  }

  os << indent << llvm::join(decls, ", ") << " = " << opName << opSuffix << "(";
  bool first = true;
  for (auto &[k, v] : args) {
    os << (first ? "" : ", ") << k << " = " << v;
    first = false;
  }
  os << ")[";
  first = true;
  for (auto &[k, v] : attrs) {
    os << (first ? "" : ", ") << k << " = " << v;
    first = false;
  }
  os << "];\n";
  return success();
}

LogicalResult Emitter::emitFunction(func::FuncOp func, StringRef opset) {
  if (func.isExternal() || !func.getBody().hasOneBlock())
    return func.emitError() << "a MIL function needs a body of one block";
  assignNames(func);
  os << "    func " << sanitize(func.getSymName()) << "<" << opset << ">(";
  for (auto [i, arg] : llvm::enumerate(func.getArguments())) {
    auto t = typeText(arg.getType(), arg.getLoc());
    if (failed(t))
      return failure();
    os << (i ? ", " : "") << *t << " " << names.lookup(arg);
  }
  os << ")";
  if (auto extra = func->getAttrOfType<DictionaryAttr>(kExtraAttrsAttr)) {
    SmallVector<std::string> items;
    for (NamedAttribute a : extra) {
      auto lit = literal(a.getValue(), Type(), func.getLoc());
      if (failed(lit))
        return failure();
      items.push_back((a.getName().getValue() + " = " + *lit).str());
    }
    os << " [" << llvm::join(items, ", ") << "]";
  }
  os << " {\n";
  Block &body = func.getBody().front();
  for (Operation &op : body.without_terminator()) {
    if (auto call = dyn_cast<func::CallOp>(op))
      return op.emitError()
             << "@" << func.getSymName() << " calls @" << call.getCallee()
             << ": MIL text has no calls, so a func.call chain cannot be "
                "exported; export its parts instead (split with "
                "-mil-split-program=\"chain=false\"; ane-run runs the "
                "chain itself)";
    if (failed(emitOp(&op, opset)))
      return failure();
  }
  auto ret = dyn_cast<func::ReturnOp>(body.getTerminator());
  if (!ret)
    return func.emitError() << "a MIL function must end in func.return";
  SmallVector<std::string> outs;
  for (Value v : ret.getOperands())
    outs.push_back(names.lookup(v));
  os << "        } -> (" << llvm::join(outs, ", ") << ");\n";
  return success();
}

LogicalResult Emitter::emit() {
  // Program version and default opset.
  std::string version = "1.3";
  std::string defaultOpset = "ios18";
  if (auto v =
          module->getAttrOfType<StringAttr>(MILDialect::kProgramVersionAttr))
    version = v.getValue().str();
  if (auto o = module->getAttrOfType<StringAttr>(MILDialect::kOpsetAttr))
    defaultOpset = o.getValue().str();
  if (options.target) {
    defaultOpset = stringifyOpset(*options.target).str();
    version = *options.target >= Opset::ios18 ? "1.3" : "1.0";
  }
  v13 = version != "1.0";

  // Choose a weight file name no symbolic reference uses.
  std::set<std::string> symbolicPaths;
  module.walk([&](Operation *op) {
    for (NamedAttribute a : op->getAttrs())
      a.getValue().walk(
          [&](BlobFileAttr b) { symbolicPaths.insert(b.getPath().str()); });
  });
  std::string fileName = options.weightFileName;
  StringRef stem = llvm::sys::path::stem(options.weightFileName);
  for (unsigned i = 1; symbolicPaths.count("@model_path/weights/" + fileName);
       ++i)
    fileName = (stem + "_" + Twine(i) + ".bin").str();
  defaultWeightFile = "weights/" + fileName;

  os << "program(" << version << ")\n";
  std::map<std::string, std::string> programAttrs;
  {
    SmallVector<std::string> entries;
    if (auto info =
            module->getAttrOfType<DictionaryAttr>(MILDialect::kBuildInfoAttr))
      for (NamedAttribute e : info)
        if (auto s = dyn_cast<StringAttr>(e.getValue()))
          entries.push_back("{" + stringLiteral(e.getName().getValue()) + ", " +
                            stringLiteral(s.getValue()) + "}");
    std::string str = scalarOrTensor("string", {});
    programAttrs["buildInfo"] =
        "dict<" + str + ", " + str + ">({" + llvm::join(entries, ", ") + "})";
  }
  if (auto extra = module->getAttrOfType<DictionaryAttr>(kExtraAttrsAttr))
    for (NamedAttribute a : extra) {
      auto lit = literal(a.getValue(), Type(), module.getLoc());
      if (failed(lit))
        return failure();
      programAttrs[a.getName().str()] = *lit;
    }
  SmallVector<std::string> attrItems;
  for (auto &[k, v] : programAttrs)
    attrItems.push_back(k + " = " + v);
  os << "[" << llvm::join(attrItems, ", ") << "]\n{\n";

  bool any = false;
  for (Operation &op : module.getBody()->getOperations()) {
    auto func = dyn_cast<func::FuncOp>(op);
    if (!func)
      return op.emitError() << "a MIL program holds only func.func ops";
    std::string opset = defaultOpset;
    if (auto o = func->getAttrOfType<StringAttr>(MILDialect::kOpsetAttr);
        o && !options.target)
      opset = o.getValue().str();
    if (!parseOpset(opset))
      return func.emitError() << "unknown opset '" << opset << "'";
    if (failed(emitFunction(func, opset)))
      return failure();
    any = true;
  }
  if (!any)
    return module.emitError() << "a MIL program needs at least one function";
  os << "}\n";
  for (auto &[rel, writer] : writers)
    if (writer.count())
      program.weightFiles[rel] =
          std::vector<char>(writer.bytes().begin(), writer.bytes().end());
  return success();
}

LogicalResult ane::mil::exportMILProgram(ModuleOp module, MILProgram &program,
                                         const MILExportOptions &options) {
  program = MILProgram();
  Emitter emitter(module, program, options);
  return emitter.emit();
}

LogicalResult ane::mil::exportMILText(ModuleOp module, llvm::raw_ostream &os,
                                      const MILExportOptions &options) {
  MILProgram program;
  if (failed(exportMILProgram(module, program, options)))
    return failure();
  if (!program.weightFiles.empty())
    return module.emitError()
           << "the program needs a weight file; export it into a program "
              "directory (ane-translate --export-mil-text -o DIR/model.mil) "
              "or raise the inline threshold";
  os << program.text;
  return success();
}

LogicalResult ane::mil::writeMILProgram(const MILProgram &program,
                                        StringRef milPath, Location loc) {
  std::string error;
  if (milPath != "-") {
    StringRef dir = llvm::sys::path::parent_path(milPath);
    if (!dir.empty())
      if (std::error_code ec = llvm::sys::fs::create_directories(dir))
        return emitError(loc)
               << "cannot create '" << dir << "': " << ec.message();
  }
  if (!program.weightFiles.empty() && milPath == "-")
    return emitError(loc) << "the program needs a weight file; give -o "
                             "DIR/model.mil so weights/ can be written "
                             "beside it";
  auto out = mlir::openOutputFile(milPath, &error);
  if (!out)
    return emitError(loc) << error;
  out->os() << program.text;
  for (auto &[rel, bytes] : program.weightFiles) {
    SmallString<256> path = llvm::sys::path::parent_path(milPath);
    llvm::sys::path::append(path, rel);
    StringRef parent = llvm::sys::path::parent_path(path);
    if (std::error_code ec = llvm::sys::fs::create_directories(parent))
      return emitError(loc)
             << "cannot create '" << parent << "': " << ec.message();
    std::error_code ec;
    llvm::raw_fd_ostream f(path, ec, llvm::sys::fs::OF_None);
    if (ec)
      return emitError(loc)
             << "cannot write '" << path << "': " << ec.message();
    f.write(bytes.data(), bytes.size());
  }
  out->keep();
  return success();
}
