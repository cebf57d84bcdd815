// RUN: rm -rf %t && ane-translate --export-mil-text %s -o %t/model.mil && FileCheck %s < %t/model.mil

// `mil.name` argument and result attributes (as ane-run and the builder
// write them) name the MIL function's inputs and outputs.
// CHECK: func main<ios18>(tensor<fp16, [1, 4]> x) {
// CHECK: tensor<fp16, [1, 4]> y = relu(x = x)
// CHECK: } -> (y);
module attributes {mil.program_version = "1.3", mil.opset = "ios18"} {
  func.func @main(%x: tensor<1x4xf16> {mil.name = "x"}) -> (tensor<1x4xf16> {mil.name = "y"}) {
    %0 = mil.relu %x : tensor<1x4xf16>
    return %0 : tensor<1x4xf16>
  }
}
