// RUN: ane-translate --export-mil-text %s | FileCheck %s --strict-whitespace --match-full-lines
// RUN: ane-translate --export-mil-text --mil-target=ios16 %s | FileCheck %s --check-prefix=IOS16 --strict-whitespace --match-full-lines
// RUN: ane-translate --export-mil-text %s -o %t/model.mil
// RUN: ane-translate --export-mil-text %s -o %t/again.mil
// RUN: cmp %t/model.mil %t/again.mil

// Emitted layout: coremlc's indentation, typed declarations, arguments
// sorted by name, [name = ...] on every op, names from NameLocs and
// generated stably where missing, hexadecimal floats.

// CHECK:program(1.3)
// CHECK-NEXT:[buildInfo = dict<string, string>({{[{][{]}}"coremlc-component-MIL", "3510.2.1"}, {"coremlc-version", "3505.4.1"}})]
// CHECK-NEXT:{
// CHECK-NEXT:    func main<ios18>(tensor<fp16, [1, 64, 1, 32]> x, tensor<fp16, [1, 64, 1, 32]> input_0) {
// CHECK-NEXT:            fp16 scale = const()[name = string("scale"), val = fp16(0x1p-3)];
// CHECK-NEXT:            tensor<fp16, [1, 64, 1, 32]> var_1 = mul(x = x, y = scale)[name = string("var_1")];
// CHECK-NEXT:            tensor<fp16, [1, 64, 1, 32]> sum = add(x = var_1, y = input_0)[name = string("residual")];
// CHECK-NEXT:        } -> (sum, var_1);
// CHECK-NEXT:    func second<ios17>(tensor<fp32, [4]> a) {
// CHECK-NEXT:            tensor<fp32, [4]> var_0 = sub(x = a, y = a)[name = string("var_0")];
// CHECK-NEXT:        } -> (var_0);
// CHECK-NEXT:}

// IOS16:program(1.0)
// IOS16-NEXT:[buildInfo = dict<tensor<string, []>, tensor<string, []>>({{[{][{]}}"coremlc-component-MIL", "3510.2.1"}, {"coremlc-version", "3505.4.1"}})]
// IOS16-NEXT:{
// IOS16-NEXT:    func main<ios16>(tensor<fp16, [1, 64, 1, 32]> x, tensor<fp16, [1, 64, 1, 32]> input_0) {
// IOS16-NEXT:            tensor<fp16, []> scale = const()[name = tensor<string, []>("scale"), val = tensor<fp16, []>(0x1p-3)];
// IOS16:    func second<ios16>(tensor<fp32, [4]> a) {

module attributes {mil.program_version = "1.3", mil.opset = "ios18",
                   mil.build_info = {"coremlc-component-MIL" = "3510.2.1", "coremlc-version" = "3505.4.1"}} {
  func.func @main(%x: tensor<1x64x1x32xf16> loc("x"), %r: tensor<1x64x1x32xf16>) -> (tensor<1x64x1x32xf16>, tensor<1x64x1x32xf16>) {
    %s = mil.const {val = dense<0.125> : tensor<f16>} : tensor<f16> loc("scale")
    %0 = mil.mul %x, %s : (tensor<1x64x1x32xf16>, tensor<f16>) -> tensor<1x64x1x32xf16>
    %1 = mil.add %0, %r {mil.name = "residual"} : (tensor<1x64x1x32xf16>, tensor<1x64x1x32xf16>) -> tensor<1x64x1x32xf16> loc("sum")
    return %1, %0 : tensor<1x64x1x32xf16>, tensor<1x64x1x32xf16>
  }
  func.func @second(%a: tensor<4xf32> loc("a")) -> tensor<4xf32> attributes {mil.opset = "ios17"} {
    %0 = mil.sub %a, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    return %0 : tensor<4xf32>
  }
}
