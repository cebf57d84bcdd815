//===- MILInterfaces.td - Interfaces shared by all MIL ops -*- tablegen -*-===//
//
// MIL_OpInterface gives generic code (emitter, importer, interpreter) the MIL
// parameter list and introducing (and redefining) opset of any mil op.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_DIALECT_MIL_MILINTERFACES_TD
#define ANE_DIALECT_MIL_MILINTERFACES_TD

include "mlir/IR/OpBase.td"

def MIL_OpInterface : OpInterface<"MILOpInterface"> {
  let description = [{
    Implemented by every op of the mil dialect (through the MIL_Op base
    class). Lists the op's MIL parameters by name and kind, so that the MIL
    text emitter and importer work for every op without per-op code.
  }];
  let cppNamespace = "::ane::mil";
  let methods = [StaticInterfaceMethod<
                     "The MIL parameters of the op, in declaration order.",
                     "::llvm::ArrayRef<::ane::mil::ParamInfo>", "getMILParams">,
                 StaticInterfaceMethod<"The opset that introduced the op.",
                                       "::ane::mil::Opset",
                                       "getIntroducedOpset">,
                 StaticInterfaceMethod<
                     [{The later opset that replaced the op's form with a
      new one (e.g. ios18's constexpr_lut_to_dense), if any.}],
                     "::std::optional<::ane::mil::Opset>", "getRedefinedOpset">,
  ];
}

#endif // ANE_DIALECT_MIL_MILINTERFACES_TD
