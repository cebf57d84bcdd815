// max_pool and avg_pool (padding included / excluded from the average)
// vs NumPy (Inputs/ref.py pool_f32): |err| <= 1e-6 + 1e-6 |ref|.

// REQUIRES: mil-op-max_pool, mil-op-avg_pool

// RUN: rm -rf %t && mkdir -p %t
// RUN: %npython %refs/ref.py pool_f32 %t
// RUN: ane-run run %s --input x=%t/x.npy --output-dir %t
// RUN: %npython %refs/check_npy.py --dir %t --atol 1e-6 --rtol 1e-6

!x = tensor<1x2x5x5xf32>
!y = tensor<1x2x3x3xf32>
func.func @main(%x: !x {mil.name = "x"}) -> (!y {mil.name = "max"}, !y {mil.name = "avg_excl"}, !y {mil.name = "avg_incl"}, tensor<1x2x2x2xf32> {mil.name = "avg_valid"}) {
  %0 = "mil.max_pool"(%x) <{kernel_sizes = array<i32: 3, 3>, strides = array<i32: 2, 2>, pad_type = "custom", pad = array<i32: 1, 1, 1, 1>}> : (!x) -> !y
  %1 = "mil.avg_pool"(%x) <{kernel_sizes = array<i32: 3, 3>, strides = array<i32: 2, 2>, pad_type = "custom", pad = array<i32: 1, 1, 1, 1>, exclude_padding_from_average = true}> : (!x) -> !y
  %2 = "mil.avg_pool"(%x) <{kernel_sizes = array<i32: 3, 3>, strides = array<i32: 2, 2>, pad_type = "custom", pad = array<i32: 1, 1, 1, 1>, exclude_padding_from_average = false}> : (!x) -> !y
  %3 = "mil.avg_pool"(%x) <{kernel_sizes = array<i32: 2, 2>, strides = array<i32: 2, 2>, pad_type = "valid"}> : (!x) -> tensor<1x2x2x2xf32>
  return %0, %1, %2, %3 : !y, !y, !y, tensor<1x2x2x2xf32>
}
