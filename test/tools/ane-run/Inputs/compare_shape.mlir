// Does not match compare_a: its input is 2x4.
func.func @main(%x: tensor<2x4xf16> {mil.name = "x"}) -> tensor<2x4xf16> {
  return %x : tensor<2x4xf16>
}
