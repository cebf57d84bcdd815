// I/O the ane backend cannot size: a dynamic input on a single program and
// on a call chain, and an unranked input on a chain.
func.func @dyn(%x: tensor<?xf16>) -> tensor<?xf16> {
  return %x : tensor<?xf16>
}
func.func @chain_dyn(%x: tensor<?xf16>) -> tensor<?xf16> {
  %0 = func.call @dyn(%x) : (tensor<?xf16>) -> tensor<?xf16>
  return %0 : tensor<?xf16>
}
func.func @id(%x: tensor<*xf16>) -> tensor<*xf16> {
  return %x : tensor<*xf16>
}
func.func @chain_unranked(%x: tensor<*xf16>) -> tensor<*xf16> {
  %0 = func.call @id(%x) : (tensor<*xf16>) -> tensor<*xf16>
  return %0 : tensor<*xf16>
}
