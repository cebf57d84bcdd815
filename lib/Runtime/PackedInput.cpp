//===- PackedInput.cpp - The single packed input of a function ------------===//
//
// Reader/writer of the `mil_packed_input` attribute, packing and unpacking
// of host tensors, and the Kernel wrapper that takes the original inputs
// (see PackedInput.h).
//
//===----------------------------------------------------------------------===//

#include "ane/Runtime/PackedInput.h"

#include "mlir/IR/Builders.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace ane::runtime;
using namespace mlir;

namespace {

llvm::Error error(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "malformed '" + kPackedInputAttr +
                                     "': " + msg);
}

std::string text(Attribute a) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << a;
  return s;
}

DictionaryAttr pieceToAttr(Builder &b, const PackedPiece &p, int64_t c) {
  SmallVector<NamedAttribute> fields = {
      b.getNamedAttr("name", b.getStringAttr(p.name)),
      b.getNamedAttr("offset", b.getI64IntegerAttr(p.offset)),
      b.getNamedAttr("width", b.getI64IntegerAttr(p.width)),
      b.getNamedAttr("shape", b.getDenseI64ArrayAttr(p.shape)),
  };
  if (p.channels != c)
    fields.push_back(
        b.getNamedAttr("channels", b.getI64IntegerAttr(p.channels)));
  return b.getDictionaryAttr(fields);
}

/// Reads `attr[key]` (absent = no pieces) into `out`, checking each piece
/// against the packed input [1, c, 1, s].
llvm::Error readPieces(DictionaryAttr attr, StringRef key, StringRef kind,
                       int64_t c, int64_t s, std::vector<PackedPiece> &out) {
  Attribute value = attr.get(key);
  if (!value)
    return llvm::Error::success();
  auto list = dyn_cast<ArrayAttr>(value);
  if (!list)
    return error(key + " is not an array");
  for (Attribute entry : list) {
    auto dict = dyn_cast<DictionaryAttr>(entry);
    auto name = dict ? dict.getAs<StringAttr>("name") : StringAttr();
    auto offset = dict ? dict.getAs<IntegerAttr>("offset") : IntegerAttr();
    auto width = dict ? dict.getAs<IntegerAttr>("width") : IntegerAttr();
    auto shape =
        dict ? dict.getAs<DenseI64ArrayAttr>("shape") : DenseI64ArrayAttr();
    auto channels = dict ? dict.get("channels") : Attribute();
    if (!name || !offset || !width || !shape ||
        (channels && !isa<IntegerAttr>(channels)))
      return error(kind + " entry " + text(entry) +
                   " needs name, offset, width, shape (and integer channels)");
    PackedPiece p;
    p.name = name.str();
    p.offset = offset.getInt();
    p.width = width.getInt();
    p.channels = channels ? cast<IntegerAttr>(channels).getInt() : c;
    p.shape.assign(shape.asArrayRef().begin(), shape.asArrayRef().end());
    if (numElementsOf(p.shape) != p.channels * p.width)
      return error(kind + " '" + p.name + "' has shape " +
                   shapeToString(p.shape) + " but width " +
                   llvm::Twine(p.width) + " at C = " + llvm::Twine(p.channels));
    if (p.offset < 0 || p.width <= 0 || p.channels <= 0 || p.channels > c ||
        p.offset + p.width > s)
      return error(kind + " '" + p.name + "' at offset " +
                   llvm::Twine(p.offset) + " of width " + llvm::Twine(p.width) +
                   " and " + llvm::Twine(p.channels) +
                   " channels lies outside the packed input [1, " +
                   llvm::Twine(c) + ", 1, " + llvm::Twine(s) + "]");
    out.push_back(std::move(p));
  }
  return llvm::Error::success();
}

/// Calls `copy(packedByte, pieceByte, bytes)` for each channel row of piece
/// `p` in the packed [1, C, 1, s] buffer (elements of `elem` bytes): row ch
/// is at (ch * s + offset) * elem there and at ch * width * elem in the
/// piece's own row-major tensor.
template <typename F>
void forEachRow(const PackedPiece &p, int64_t s, size_t elem, F copy) {
  size_t row = p.width * elem;
  for (int64_t ch = 0; ch < p.channels; ++ch)
    copy((ch * s + p.offset) * elem, ch * row, row);
}

/// A kernel whose inputs are the pieces of the wrapped kernel's packed
/// input (its input 0), then its other inputs, if any; the pieces are packed
/// into input 0 before each eval that follows a change.
class OriginalInputsKernel : public Kernel {
public:
  OriginalInputsKernel(std::unique_ptr<Kernel> inner, PackedInput packed)
      : inner(std::move(inner)), packed(std::move(packed)),
        specs(this->packed.pieceSpecs()) {
    for (const TensorSpec &spec : specs) {
      values.emplace_back(spec.dtype, spec.shape);
      std::memset(values.back().raw(), 0, values.back().byteSize());
    }
    llvm::append_range(specs, this->inner->inputs().drop_front());
  }
  llvm::ArrayRef<TensorSpec> inputs() const override { return specs; }
  llvm::ArrayRef<TensorSpec> outputs() const override {
    return inner->outputs();
  }
  llvm::Error setInput(unsigned i, const Tensor &value) override {
    if (i >= values.size())
      return inner->setInput(i - values.size() + 1, value);
    if (llvm::Error err = expectInput(specs, i, value))
      return err;
    std::memcpy(values[i].raw(), value.raw(), value.byteSize());
    dirty = true;
    return llvm::Error::success();
  }
  llvm::Error eval() override {
    if (dirty) {
      std::vector<const Tensor *> ptrs;
      for (const Tensor &t : values)
        ptrs.push_back(&t);
      auto t = packTensors(packed, ptrs);
      if (!t)
        return t.takeError();
      if (llvm::Error err = inner->setInput(0, *t))
        return err;
      dirty = false;
    }
    return inner->eval();
  }
  const Tensor &output(unsigned i) const override { return inner->output(i); }
  KernelStats stats() const override { return inner->stats(); }

private:
  std::unique_ptr<Kernel> inner;
  PackedInput packed;
  std::vector<TensorSpec> specs;
  std::vector<Tensor> values;
  bool dirty = true;
};

llvm::Expected<std::optional<PackedInput>> readEntry(ModuleOp module,
                                                     StringRef entry) {
  auto fn = module.lookupSymbol<func::FuncOp>(entry);
  if (!fn)
    return std::optional<PackedInput>();
  return readPackedInput(fn);
}

} // namespace

std::vector<PackedPiece> PackedInputLayout::pieces(StringRef argName,
                                                   int64_t c) const {
  std::vector<PackedPiece> all = inputs;
  if (all.empty())
    all.push_back({argName.str(), 0, activationWidth, c,
                   Shape{1, c, 1, activationWidth}});
  all.insert(all.end(), weights.begin(), weights.end());
  return all;
}

DictionaryAttr ane::runtime::packedInputToAttr(MLIRContext *ctx,
                                               const PackedInputLayout &layout,
                                               int64_t c) {
  Builder b(ctx);
  SmallVector<NamedAttribute> fields = {b.getNamedAttr(
      "activation_width", b.getI64IntegerAttr(layout.activationWidth))};
  for (auto [key, list] :
       {std::pair<StringRef, const std::vector<PackedPiece> *>{"inputs",
                                                               &layout.inputs},
        {"weights", &layout.weights}}) {
    if (list->empty())
      continue;
    SmallVector<Attribute> entries;
    for (const PackedPiece &p : *list)
      entries.push_back(pieceToAttr(b, p, c));
    fields.push_back(b.getNamedAttr(key, b.getArrayAttr(entries)));
  }
  return b.getDictionaryAttr(fields);
}

llvm::Expected<PackedInputLayout>
ane::runtime::packedInputFromAttr(DictionaryAttr attr, int64_t c, int64_t s) {
  PackedInputLayout layout;
  auto width = attr.getAs<IntegerAttr>("activation_width");
  if (!width)
    return error("no integer activation_width");
  layout.activationWidth = width.getInt();
  if (layout.activationWidth < 0 || layout.activationWidth > s)
    return error("activation_width " + llvm::Twine(layout.activationWidth) +
                 " exceeds the input width " + llvm::Twine(s));
  if (llvm::Error err =
          readPieces(attr, "inputs", "input", c, s, layout.inputs))
    return std::move(err);
  if (llvm::Error err =
          readPieces(attr, "weights", "weight", c, s, layout.weights))
    return std::move(err);
  return layout;
}

std::vector<PackedPiece> PackedInput::pieces() const {
  return layout.pieces(packed.name, packed.shape[1]);
}

std::vector<TensorSpec> PackedInput::pieceSpecs() const {
  std::vector<TensorSpec> specs;
  for (const PackedPiece &p : pieces())
    specs.push_back({p.name, packed.dtype, p.shape});
  return specs;
}

llvm::Expected<std::optional<PackedInput>>
ane::runtime::readPackedInput(func::FuncOp fn) {
  auto attr = fn->getAttrOfType<DictionaryAttr>(kPackedInputAttr);
  if (!attr)
    return std::nullopt;
  auto type = fn.getNumArguments()
                  ? dyn_cast<RankedTensorType>(fn.getArgument(0).getType())
                  : RankedTensorType();
  if (!type || !type.hasStaticShape() || type.getRank() != 4 ||
      type.getDimSize(0) != 1 || type.getDimSize(2) != 1)
    return error("the first input of @" + fn.getSymName() +
                 " is not a static [1, C, 1, S] tensor");
  std::optional<DType> dtype = dtypeFromType(type.getElementType());
  if (!dtype)
    return error("@" + fn.getSymName() + " has an input of unsupported dtype");
  PackedInput p;
  p.packed = {
      milIOName(fn.getArgAttrDict(0), fn.getArgument(0).getLoc(), "arg0"),
      *dtype, Shape(type.getShape())};
  auto layout =
      packedInputFromAttr(attr, type.getDimSize(1), type.getDimSize(3));
  if (!layout)
    return layout.takeError();
  p.layout = std::move(*layout);
  return p;
}

llvm::Expected<Tensor>
ane::runtime::packTensors(const PackedInput &p,
                          llvm::ArrayRef<const Tensor *> tensors) {
  std::vector<PackedPiece> pieces = p.pieces();
  if (tensors.size() != pieces.size())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "packing needs " + std::to_string(pieces.size()) + " tensors, got " +
            std::to_string(tensors.size()));
  Tensor packed(p.packed.dtype, p.packed.shape);
  std::memset(packed.raw(), 0, packed.byteSize());
  size_t elem = dtypeSize(p.packed.dtype);
  for (size_t i = 0; i < pieces.size(); ++i) {
    const PackedPiece &piece = pieces[i];
    const Tensor &t = *tensors[i];
    if (llvm::Error err = expectTensorType("packed piece '" + piece.name + "'",
                                           p.packed.dtype, piece.shape, t))
      return std::move(err);
    forEachRow(piece, p.packed.shape[3], elem,
               [&](size_t at, size_t from, size_t bytes) {
                 std::memcpy(static_cast<char *>(packed.raw()) + at,
                             static_cast<const char *>(t.raw()) + from, bytes);
               });
  }
  return std::move(packed);
}

llvm::Expected<std::vector<Tensor>>
ane::runtime::unpackTensor(const PackedInput &p, const Tensor &packed) {
  if (llvm::Error err =
          expectTensorType("packed input '" + p.packed.name + "'",
                           p.packed.dtype, p.packed.shape, packed))
    return std::move(err);
  std::vector<Tensor> out;
  size_t elem = dtypeSize(p.packed.dtype);
  for (const PackedPiece &piece : p.pieces()) {
    Tensor &t = out.emplace_back(p.packed.dtype, piece.shape);
    forEachRow(piece, p.packed.shape[3], elem,
               [&](size_t at, size_t to, size_t bytes) {
                 std::memcpy(static_cast<char *>(t.raw()) + to,
                             static_cast<const char *>(packed.raw()) + at,
                             bytes);
               });
  }
  return std::move(out);
}

llvm::Expected<std::unique_ptr<Kernel>>
ane::runtime::withOriginalInputs(std::unique_ptr<Kernel> kernel,
                                 ModuleOp module, StringRef entry) {
  auto packed = readEntry(module, entry);
  if (!packed)
    return packed.takeError();
  if (!*packed)
    return std::move(kernel);
  return std::make_unique<OriginalInputsKernel>(std::move(kernel),
                                                std::move(**packed));
}

llvm::Expected<std::unique_ptr<Kernel>> ane::runtime::withOriginalInputsIfNamed(
    std::unique_ptr<Kernel> kernel, ModuleOp module, StringRef entry,
    llvm::ArrayRef<std::pair<std::string, std::string>> namedInputs,
    llvm::raw_ostream &notes) {
  auto packed = readEntry(module, entry);
  if (!packed)
    return packed.takeError();
  if (!*packed)
    return std::move(kernel);
  std::vector<PackedPiece> pieces = (*packed)->pieces();
  std::string names;
  for (const PackedPiece &p : pieces)
    names += (names.empty() ? "" : ", ") + p.name;
  bool named = llvm::any_of(namedInputs, [&](const auto &in) {
    return in.first != (*packed)->packed.name &&
           llvm::any_of(pieces, [&](const PackedPiece &p) {
             return p.name == in.first;
           });
  });
  if (!named)
    return std::move(kernel);
  const std::string &packedName = (*packed)->packed.name;
  if (llvm::none_of(
          pieces, [&](const PackedPiece &p) { return p.name == packedName; }) &&
      llvm::any_of(namedInputs,
                   [&](const auto &in) { return in.first == packedName; }))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "pass either the packed input '" + packedName +
            "' or its original inputs (" + names + "), not both");
  notes << "ane-run: note: packing the original inputs (" << names
        << ") into the single input '" << (*packed)->packed.name << "' "
        << dtypeName((*packed)->packed.dtype) << " "
        << shapeToString((*packed)->packed.shape) << " (" << kPackedInputAttr
        << ")\n";
  return std::make_unique<OriginalInputsKernel>(std::move(kernel),
                                                std::move(**packed));
}
