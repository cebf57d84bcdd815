//===- MILBase.td - Constraints and the mil op base ------ -*- tablegen -*-===//
//
// Shared building blocks of every MIL op family: the element types MIL
// tensors may hold, attribute kinds for compile-time parameters, and the
// MIL_Op base class that records each op's MIL parameter list and opset.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILBASE_TD
#define ANE_DIALECT_MIL_MILBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "MILDialect.td"
include "MILInterfaces.td"

//===----------------------------------------------------------------------===//
// Element types and tensor constraints.
//===----------------------------------------------------------------------===//

def MIL_Bool : TypeAlias<I1, "bool">;
def MIL_Int8 : TypeAlias<I8, "int8">;
def MIL_UInt8 : TypeAlias<UI8, "uint8">;
def MIL_Int16 : TypeAlias<I16, "int16">;
def MIL_UInt16 : TypeAlias<UI16, "uint16">;
def MIL_Int32 : TypeAlias<I32, "int32">;
def MIL_Fp16 : TypeAlias<F16, "fp16">;
def MIL_Fp32 : TypeAlias<F32, "fp32">;

def MIL_AnyElement : AnyTypeOf<[MIL_Bool, MIL_Int8, MIL_UInt8, MIL_Int16,
                                MIL_UInt16, MIL_Int32, MIL_Fp16, MIL_Fp32]>;

/// Any MIL tensor (ranked; dims may be dynamic).
def MIL_Tensor : RankedTensorOf<[MIL_Bool, MIL_Int8, MIL_UInt8, MIL_Int16,
                                 MIL_UInt16, MIL_Int32, MIL_Fp16, MIL_Fp32]>;
/// fp16 or fp32 tensors: the activation domain of most ops.
def MIL_FloatTensor : RankedTensorOf<[MIL_Fp16, MIL_Fp32]>;
/// fp16, fp32 or int32 tensors: arithmetic ops and reductions.
def MIL_NumericTensor : RankedTensorOf<[MIL_Fp16, MIL_Fp32, MIL_Int32]>;
/// int8 or uint8 tensors: quantized data.
def MIL_QuantTensor : RankedTensorOf<[MIL_Int8, MIL_UInt8]>;
def MIL_BoolTensor : RankedTensorOf<[MIL_Bool]>;
/// Index tensors (gather): int8..int32, signed or unsigned.
def MIL_IndexTensor
    : RankedTensorOf<[MIL_Int8, MIL_UInt8, MIL_Int16, MIL_UInt16, MIL_Int32]>;

//===----------------------------------------------------------------------===//
// Attribute kinds for compile-time parameters.
//===----------------------------------------------------------------------===//

/// A float scalar of any float type (fp16 or fp32 in MIL); the type is kept
/// so that the emitter prints the literal in its own dtype.
def MIL_FloatAttr : Attr<CPred<"::llvm::isa<::mlir::FloatAttr>($_self)">,
                         "floating-point scalar attribute"> {
  let storageType = "::mlir::FloatAttr";
  let returnType = "::mlir::FloatAttr";
  let convertFromStorage = "$_self";
  let constBuilderCall = "$_builder.getF32FloatAttr($0)";
}

/// A string parameter restricted to the values MIL accepts.
class MIL_StrEnumAttr<list<string> values>
    : ConfinedAttr<
          StrAttr,
          [AttrConstraint<
              CPred<"::llvm::is_contained(::llvm::ArrayRef<::llvm::StringRef>{"
                    "\""#!interleave(
                        values, "\", \"")#"\"}, "
                                          "::llvm::cast<::mlir::StringAttr>($_"
                                          "self).getValue())">,
              "one of \""#!interleave(values, "\", \"")#"\"">]>;

def MIL_PadTypeAttr
    : MIL_StrEnumAttr<["valid", "same", "same_lower", "custom"]>;

/// Names of MIL dtypes as they appear in `dtype`/`output_dtype` parameters.
def MIL_DTypeNameAttr : MIL_StrEnumAttr<["bool", "int8", "uint8", "int16",
                                         "uint16", "int32", "fp16", "fp32"]>;

//===----------------------------------------------------------------------===//
// The op base class.
//===----------------------------------------------------------------------===//

/// Base class of every MIL op. `opset` is the opset that introduced the op
/// ("ios15" .. "ios18"). The generated `getMILParams()` lists the op's MIL
/// parameters (operands and attributes, in `arguments` order) with their
/// kind; the emitter and importer are driven by it. `redefinedIn` (set with
/// `let` on the op) names a later opset that replaced the op's form with a
/// new one; it generates `getRedefinedOpset()`.
class MIL_Op<string mnemonic, string opset, list<Trait> traits = []>
    : Op<MIL_Dialect, mnemonic, !listconcat(traits, [MIL_OpInterface])> {
  string introducedIn = opset;
  string redefinedIn = "";
  defvar paramEntries = !foreach(
      i, !range(!size(arguments)),
      "{\""#!getdagname(arguments, i)#"\", ::ane::mil::"#!if(
          !initialized(!getdagarg<Attr>(arguments, i)),
          "attrParamKind<"#!if(
              !initialized(!getdagarg<Attr>(arguments, i).storageType),
              !getdagarg<Attr>(arguments, i).storageType,
              "::mlir::Attribute")#">()",
          !if(!initialized(!getdagarg<Variadic>(arguments, i)),
              "ParamKind::VariadicOperand",
              !if(!initialized(!getdagarg<Optional>(arguments, i)),
                  "ParamKind::OptionalOperand", "ParamKind::Operand")))#"}");
  code milBaseDecls = [{
    /// The MIL parameters of this op, in declaration order.
    static ::llvm::ArrayRef<::ane::mil::ParamInfo> getMILParams() {
      static const ::ane::mil::ParamInfo params[] = {
        }]#!interleave(
      !listconcat(paramEntries, ["{\"\", ::ane::mil::ParamKind::Operand}"]),
      ",\n        ")#[{
      };
      return ::llvm::ArrayRef(params).drop_back();
    }
    /// The opset that introduced this op.
    static ::ane::mil::Opset getIntroducedOpset() {
      return ::ane::mil::Opset::}]#opset#[{;
    }
    /// The later opset that redefined this op's form, if any.
    static ::std::optional<::ane::mil::Opset> getRedefinedOpset() {
      return }]#!if(!empty(redefinedIn), "::std::nullopt",
                    "::ane::mil::Opset::"#redefinedIn)#[{;
    }
  }];
  let extraClassDeclaration = milBaseDecls;
}

#endif // ANE_DIALECT_MIL_MILBASE_TD
