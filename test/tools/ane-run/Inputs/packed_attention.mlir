// Three inputs of different layouts (the packed-inputs tests): activations
// x [1, 16, 1, 8], an additive attention mask [1, 1, 8, 8] and a bias [16].
// y = softmax(xᵀx + mask) · xᵀ + bias.
module attributes {mil.program_version = "1.3", mil.opset = "ios18"} {
  func.func @main(%x: tensor<1x16x1x8xf16> {mil.name = "x"}, %mask: tensor<1x1x8x8xf16> {mil.name = "mask"}, %bias: tensor<16xf16> {mil.name = "bias"}) -> (tensor<1x1x8x16xf16> {mil.name = "y"}) {
    %r = mil.reshape %x shape = [1, 1, 16, 8] : tensor<1x16x1x8xf16> -> tensor<1x1x16x8xf16>
    %a = mil.transpose %r perm = [0, 1, 3, 2] : tensor<1x1x16x8xf16>
    %s = mil.matmul %a, %r : (tensor<1x1x8x16xf16>, tensor<1x1x16x8xf16>) -> tensor<1x1x8x8xf16>
    %m = mil.add %s, %mask : (tensor<1x1x8x8xf16>, tensor<1x1x8x8xf16>) -> tensor<1x1x8x8xf16>
    %p = mil.softmax %m {axis = 3 : i32} : tensor<1x1x8x8xf16>
    %o = mil.matmul %p, %a : (tensor<1x1x8x8xf16>, tensor<1x1x8x16xf16>) -> tensor<1x1x8x16xf16>
    %y = mil.add %o, %bias : (tensor<1x1x8x16xf16>, tensor<16xf16>) -> tensor<1x1x8x16xf16>
    return %y : tensor<1x1x8x16xf16>
  }
}
