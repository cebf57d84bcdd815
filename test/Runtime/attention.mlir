// scaled_dot_product_attention without a mask, with a broadcast bool mask
// (false = masked out) and with an additive float mask, vs NumPy
// (Inputs/ref.py sdpa_f32): |err| <= 1e-5 + 1e-5 |ref|.

// REQUIRES: mil-op-scaled_dot_product_attention

// RUN: rm -rf %t && mkdir -p %t
// RUN: %npython %refs/ref.py sdpa_f32 %t
// RUN: ane-run run %s --input q=%t/q.npy --input k=%t/k.npy --input v=%t/v.npy --input bmask=%t/bmask.npy --input fmask=%t/fmask.npy --output-dir %t
// RUN: %npython %refs/check_npy.py --dir %t --atol 1e-5 --rtol 1e-5

!q = tensor<2x3x4xf32>
!k = tensor<2x5x4xf32>
!v = tensor<2x5x6xf32>
!o = tensor<2x3x6xf32>
func.func @main(%q: !q {mil.name = "q"}, %k: !k {mil.name = "k"}, %v: !v {mil.name = "v"},
                %bmask: tensor<3x5xi1> {mil.name = "bmask"}, %fmask: tensor<2x3x5xf32> {mil.name = "fmask"}) -> (
    !o {mil.name = "plain"}, !o {mil.name = "bool_mask"}, !o {mil.name = "float_mask"}) {
  %0 = "mil.scaled_dot_product_attention"(%q, %k, %v) : (!q, !k, !v) -> !o
  %1 = "mil.scaled_dot_product_attention"(%q, %k, %v, %bmask) : (!q, !k, !v, tensor<3x5xi1>) -> !o
  %2 = "mil.scaled_dot_product_attention"(%q, %k, %v, %fmask) : (!q, !k, !v, tensor<2x3x5xf32>) -> !o
  return %0, %1, %2 : !o, !o, !o
}
