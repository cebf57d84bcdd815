// RUN: rm -rf %t && ane-translate --export-mil-text %s -o %t/model.mil && FileCheck %s < %t/model.mil

// `mil.name` argument and result attributes (as ane-run and the builder
// write them) name the MIL function's inputs and outputs. An output's
// result attribute wins over the name of the op computing it, so the
// program keeps the interface the function declares (and that the
// interpreter uses for the .mlir).
// CHECK: func main<ios18>(tensor<fp16, [1, 4]> x) {
// CHECK: tensor<fp16, [1, 4]> y = relu(x = x)
// CHECK: tensor<fp16, [1, 4]> z = sigmoid(x = y)[name = string("z")];
// CHECK: } -> (y, z);
module attributes {mil.program_version = "1.3", mil.opset = "ios18"} {
  func.func @main(%x: tensor<1x4xf16> {mil.name = "x"})
      -> (tensor<1x4xf16> {mil.name = "y"}, tensor<1x4xf16> {mil.name = "z"}) {
    %0 = mil.relu %x : tensor<1x4xf16>
    %1 = mil.sigmoid %0 : tensor<1x4xf16> loc("s7")
    return %0, %1 : tensor<1x4xf16>, tensor<1x4xf16>
  }
}
