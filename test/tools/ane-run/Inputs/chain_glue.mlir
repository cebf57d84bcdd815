// Chains for call-chain.test: @main calls @twice two times with a mil.add
// between the calls (y = 6x); @calls_only is a pure chain (y = 4x); @nested
// calls a chain (y = 4x), which the ane backend does not run.
module {
  func.func @twice(%x: tensor<1x8x1x16xf16> {mil.name = "x"}) -> (tensor<1x8x1x16xf16> {mil.name = "t"}) {
    %0 = mil.add %x, %x : (tensor<1x8x1x16xf16>, tensor<1x8x1x16xf16>) -> tensor<1x8x1x16xf16>
    return %0 : tensor<1x8x1x16xf16>
  }
  func.func @main(%x: tensor<1x8x1x16xf16> {mil.name = "x"}) -> (tensor<1x8x1x16xf16> {mil.name = "y"}) {
    %0 = func.call @twice(%x) : (tensor<1x8x1x16xf16>) -> tensor<1x8x1x16xf16>
    %1 = mil.add %0, %x : (tensor<1x8x1x16xf16>, tensor<1x8x1x16xf16>) -> tensor<1x8x1x16xf16>
    %2 = func.call @twice(%1) : (tensor<1x8x1x16xf16>) -> tensor<1x8x1x16xf16>
    return %2 : tensor<1x8x1x16xf16>
  }
  func.func @calls_only(%x: tensor<1x8x1x16xf16> {mil.name = "x"}) -> (tensor<1x8x1x16xf16> {mil.name = "y"}) {
    %0 = func.call @twice(%x) : (tensor<1x8x1x16xf16>) -> tensor<1x8x1x16xf16>
    %1 = func.call @twice(%0) : (tensor<1x8x1x16xf16>) -> tensor<1x8x1x16xf16>
    return %1 : tensor<1x8x1x16xf16>
  }
  func.func @nested(%x: tensor<1x8x1x16xf16> {mil.name = "x"}) -> (tensor<1x8x1x16xf16> {mil.name = "y"}) {
    %0 = func.call @calls_only(%x) : (tensor<1x8x1x16xf16>) -> tensor<1x8x1x16xf16>
    return %0 : tensor<1x8x1x16xf16>
  }
}
