// An ios18 op in a function declared ios16: the ane backend cannot export it.
func.func @main(%x: tensor<4xf32> {mil.name = "x"}) -> tensor<4xf32> attributes {mil.opset = "ios16"} {
  %b = "mil.constexpr_blockwise_shift_scale"() <{data = dense<[1, 2, 3, 4]> : tensor<4xi8>, scale = dense<[5.000000e-01]> : tensor<1xf32>}> : () -> tensor<4xf32>
  %0 = mil.add %x, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
