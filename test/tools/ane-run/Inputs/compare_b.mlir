// compare_a with small perturbations: y = 2.01x, z = x + x*x + 0.001.
func.func @main(%x: tensor<2x8xf16> {mil.name = "x"}) -> (tensor<2x8xf16> {mil.name = "y"}, tensor<2x8xf32> {mil.name = "z"}) {
  %two = mil.const {val = dense<2.01> : tensor<f16>} : tensor<f16>
  %y = mil.mul %x, %two : (tensor<2x8xf16>, tensor<f16>) -> tensor<2x8xf16>
  %x32 = mil.cast %x {dtype = "fp32"} : (tensor<2x8xf16>) -> tensor<2x8xf32>
  %sq = mil.mul %x32, %x32 : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %eps = mil.const {val = dense<0.001> : tensor<f32>} : tensor<f32>
  %s = mil.add %x32, %sq : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %z = mil.add %s, %eps : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %y, %z : tensor<2x8xf16>, tensor<2x8xf32>
}
