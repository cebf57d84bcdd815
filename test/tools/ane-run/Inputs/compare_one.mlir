// Does not match compare_a: one output only.
func.func @main(%x: tensor<2x8xf16> {mil.name = "x"}) -> (tensor<2x8xf16> {mil.name = "y"}) {
  return %x : tensor<2x8xf16>
}
