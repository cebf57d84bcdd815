// A small fp16 program in the mil dialect: x * 2 + x.
module attributes {mil.program_version = "1.3", mil.opset = "ios18"} {
  func.func @main(%x: tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16> {
    %two = mil.const {val = dense<2.0> : tensor<1xf16>} : tensor<1xf16>
    %0 = mil.mul %x, %two : (tensor<1x64x1x32xf16>, tensor<1xf16>) -> tensor<1x64x1x32xf16>
    %1 = mil.add %0, %x : (tensor<1x64x1x32xf16>, tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16>
    return %1 : tensor<1x64x1x32xf16>
  }
}
