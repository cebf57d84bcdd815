// Does not match compare_a: its second output is named w, not z.
func.func @main(%x: tensor<2x8xf16> {mil.name = "x"}) -> (tensor<2x8xf16> {mil.name = "y"}, tensor<2x8xf16> {mil.name = "w"}) {
  return %x, %x : tensor<2x8xf16>, tensor<2x8xf16>
}
