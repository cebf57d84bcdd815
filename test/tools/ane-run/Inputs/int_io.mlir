// An int32 input: not an I/O type the ANE reads.
module attributes {mil.program_version = "1.3", mil.opset = "ios18"} {
  func.func @main(%i: tensor<1x4x1x8xi32> {mil.name = "i"}) -> (tensor<1x4x1x8xi32> {mil.name = "o"}) {
    %0 = mil.add %i, %i : (tensor<1x4x1x8xi32>, tensor<1x4x1x8xi32>) -> tensor<1x4x1x8xi32>
    return %0 : tensor<1x4x1x8xi32>
  }
}
