// Reference program for the compare tests: y = 2x, z = x + x*x.
func.func @main(%x: tensor<2x8xf16> {mil.name = "x"}) -> (tensor<2x8xf16> {mil.name = "y"}, tensor<2x8xf32> {mil.name = "z"}) {
  %two = mil.const {val = dense<2.0> : tensor<f16>} : tensor<f16>
  %y = mil.mul %x, %two : (tensor<2x8xf16>, tensor<f16>) -> tensor<2x8xf16>
  %x32 = mil.cast %x {dtype = "fp32"} : (tensor<2x8xf16>) -> tensor<2x8xf32>
  %sq = mil.mul %x32, %x32 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %z = mil.add %x32, %sq : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %y, %z : tensor<2x8xf16>, tensor<2x8xf32>
}
