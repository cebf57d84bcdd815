// Two fp16 inputs of different shapes (a multi-input request on the ANE).
module attributes {mil.program_version = "1.3", mil.opset = "ios18"} {
  func.func @main(%a: tensor<1x4x1x8xf16> {mil.name = "a"}, %b: tensor<1x4x1x1xf16> {mil.name = "b"}) -> (tensor<1x4x1x8xf16> {mil.name = "y"}) {
    %0 = mil.mul %a, %b : (tensor<1x4x1x8xf16>, tensor<1x4x1x1xf16>) -> tensor<1x4x1x8xf16>
    %1 = mil.sub %0, %a : (tensor<1x4x1x8xf16>, tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16>
    return %1 : tensor<1x4x1x8xf16>
  }
}
