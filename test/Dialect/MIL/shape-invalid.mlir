// RUN: ane-opt %s -split-input-file -verify-diagnostics

// One function per rule of the shape ops, named after its rule id.

func.func @reshape_single_minus_one(%x: tensor<2x50xf16>) {
  // expected-error @+2 {{'shape' may contain at most one -1, got [-1, -1]}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.reshape %x shape = [-1, -1] : tensor<2x50xf16> -> tensor<2x50xf16>
  return
}

// -----

func.func @reshape_shape_entries_valid(%x: tensor<2x50xf16>) {
  // expected-error @+2 {{'shape' entries must be positive, 0 or -1, got -2 at index 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.reshape %x shape = [-2, 50] : tensor<2x50xf16> -> tensor<2x50xf16>
  return
}

// -----

func.func @reshape_minus_one_divides(%x: tensor<2x50xf16>) {
  // expected-error @+2 {{'shape' [3, -1] cannot hold the 100 elements of x: -1 must divide 100 by 3}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.reshape %x shape = [3, -1] : tensor<2x50xf16> -> tensor<3x33xf16>
  return
}

// -----

func.func @reshape_volume_preserved(%x: tensor<2x50xf16>) {
  // expected-error @+2 {{'shape' [4, 50] gives volume 200, expected the volume of x [2, 50] = 100}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.reshape %x shape = [4, 50] : tensor<2x50xf16> -> tensor<4x50xf16>
  return
}

// -----

func.func @transpose_perm_length(%x: tensor<2x3xf16>) {
  // expected-error @+1 {{'perm' must have rank(x) = 2 entries, got 3}}
  %0 = mil.transpose %x perm = [0, 1, 2] : tensor<2x3xf16>
  return
}

// -----

func.func @transpose_perm_is_permutation(%x: tensor<2x3x4xf16>) {
  // expected-error @+1 {{'perm' must be a permutation of 0..2, got [0, 2, 2]}}
  %0 = mil.transpose %x perm = [0, 2, 2] : tensor<2x3x4xf16>
  return
}

// -----

func.func @slice_by_size_arrays_have_rank_entries(%x: tensor<2x3xf16>) {
  // expected-error @+1 {{'begin' and 'size' must have rank(x) = 2 entries, got 1 and 2}}
  %0 = mil.slice_by_size %x begin = [0] size = [1, 1] : tensor<2x3xf16>
  return
}

// -----

func.func @slice_by_size_size_positive(%x: tensor<2x3xf16>) {
  // expected-error @+1 {{'size' entries must be positive or -1, got 0 in dim 1}}
  %0 = mil.slice_by_size %x begin = [0, 0] size = [1, 0] : tensor<2x3xf16>
  return
}

// -----

func.func @slice_by_size_begin_in_bounds(%x: tensor<2x3xf16>) {
  // expected-error @+1 {{'begin' 3 is out of bounds for dim 1 of size 3}}
  %0 = mil.slice_by_size %x begin = [0, 3] size = [1, 1] : tensor<2x3xf16>
  return
}

// -----

func.func @slice_by_size_end_in_bounds(%x: tensor<1x64x1x96xf16>) {
  // expected-error @+1 {{slice [64, 128) exceeds dim 3 of size 96}}
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 64] size = [1, 64, 1, 64] : tensor<1x64x1x96xf16>
  return
}

// -----

func.func @slice_by_index_arrays_have_rank_entries(%x: tensor<2x3xf16>) {
  // expected-error @+1 {{'stride' must have rank(x) = 2 entries, got 1}}
  %0 = mil.slice_by_index %x begin = [0, 0] end = [2, 3] stride = [1] : tensor<2x3xf16>
  return
}

// -----

func.func @slice_by_index_stride_nonzero(%x: tensor<2x3xf16>) {
  // expected-error @+1 {{'stride' entries must be non-zero, got 0 in dim 1}}
  %0 = mil.slice_by_index %x begin = [0, 0] end = [2, 3] stride = [1, 0] : tensor<2x3xf16>
  return
}

// -----

func.func @slice_by_index_squeeze_index_in_bounds(%x: tensor<2x3xf16>) {
  // expected-error @+1 {{squeezed dim 1 takes 'begin' 5, out of bounds for size 3}}
  %0 = mil.slice_by_index %x begin = [0, 5] end = [2, 6] squeeze_mask = [false, true] : tensor<2x3xf16>
  return
}

// -----

func.func @concat_axis_in_range(%a: tensor<2x3xf16>) {
  // expected-error @+1 {{'axis' must be in [-2, 2), got 2}}
  %0 = mil.concat %a, %a axis = 2 : tensor<2x3xf16>, tensor<2x3xf16>
  return
}

// -----

func.func @concat_same_dtype(%a: tensor<2x3xf16>, %b: tensor<2x3xf32>) {
  // expected-error @+1 {{'values' must share one dtype: value 0 is 'f16', value 1 is 'f32'}}
  %0 = mil.concat %a, %b axis = 0 : tensor<2x3xf16>, tensor<2x3xf32>
  return
}

// -----

func.func @concat_same_rank(%a: tensor<2x3xf16>, %b: tensor<2x3x1xf16>) {
  // expected-error @+1 {{'values' must share one rank: value 0 has rank 2, value 1 has rank 3}}
  %0 = mil.concat %a, %b axis = 0 : tensor<2x3xf16>, tensor<2x3x1xf16>
  return
}

// -----

func.func @concat_dims_match_off_axis(%a: tensor<2x3xf16>, %b: tensor<2x4xf16>) {
  // expected-error @+1 {{value 1 has 4 in dim 1, expected 3 as value 0 (only 'axis' = 0 may differ)}}
  %0 = mil.concat %a, %b axis = 0 : tensor<2x3xf16>, tensor<2x4xf16>
  return
}

// -----

func.func @concat_interleave_equal_shapes(%a: tensor<2x3xf16>, %b: tensor<2x4xf16>) {
  // expected-error @+1 {{'interleave' requires equal shapes: value 1 has 4 in dim 1, value 0 has 3}}
  %0 = mil.concat %a, %b axis = 1 interleave = true : tensor<2x3xf16>, tensor<2x4xf16>
  return
}

// -----

func.func @split_num_splits_or_sizes(%x: tensor<4x8xf16>) {
  // expected-error @+1 {{one of 'num_splits' and 'split_sizes' is required}}
  %0 = mil.split %x axis = 1 : tensor<4x8xf16>
  return
}

// -----

func.func @split_sizes_match_num_splits(%x: tensor<4x8xf16>) {
  // expected-error @+1 {{'split_sizes' must have 'num_splits' = 3 entries, got 2}}
  %0 = mil.split %x axis = 1 num_splits = 3 split_sizes = [4, 4] : tensor<4x8xf16>
  return
}

// -----

func.func @split_sizes_positive(%x: tensor<4x8xf16>) {
  // expected-error @+1 {{'split_sizes' entries must be positive, got [8, 0]}}
  %0 = mil.split %x axis = 1 split_sizes = [8, 0] : tensor<4x8xf16>
  return
}

// -----

func.func @split_sizes_sum_to_dim(%x: tensor<4x8xf16>) {
  // expected-error @+1 {{'split_sizes' [4, 5] sum to 9, expected dim 1 of x = 8}}
  %0 = mil.split %x axis = 1 split_sizes = [4, 5] : tensor<4x8xf16>
  return
}

// -----

func.func @split_num_splits_divides(%x: tensor<4x8xf16>) {
  // expected-error @+1 {{'num_splits' must be positive and divide dim 1 of x = 8, got 3}}
  %0 = mil.split %x axis = 1 num_splits = 3 : tensor<4x8xf16>
  return
}

// -----

func.func @expand_dims_axes_in_range(%x: tensor<4x8xf16>) {
  // expected-error @+1 {{'axes' must be in [-3, 3), got 3}}
  %0 = mil.expand_dims %x axes = [3] : tensor<4x8xf16>
  return
}

// -----

func.func @expand_dims_axes_distinct(%x: tensor<4x8xf16>) {
  // expected-error @+1 {{'axes' must be distinct output dims, got [0, -4]}}
  %0 = mil.expand_dims %x axes = [0, -4] : tensor<4x8xf16>
  return
}

// -----

func.func @squeeze_axes_in_range(%x: tensor<1x8xf16>) {
  // expected-error @+1 {{'axes' must be in [-2, 2), got -3}}
  %0 = mil.squeeze %x axes = [-3] : tensor<1x8xf16>
  return
}

// -----

func.func @tile_reps_length(%x: tensor<1x8xf16>) {
  // expected-error @+1 {{'reps' must have rank(x) = 2 entries, got 1}}
  %0 = mil.tile %x reps = [2] : tensor<1x8xf16>
  return
}

// -----

func.func @tile_reps_positive(%x: tensor<1x8xf16>) {
  // expected-error @+1 {{'reps' entries must be positive, got [2, 0]}}
  %0 = mil.tile %x reps = [2, 0] : tensor<1x8xf16>
  return
}

// -----

func.func @pad_pairs_for_last_dims(%x: tensor<1x8xf16>) {
  // expected-error @+1 {{'pad' must have an even number of entries, at most 2 * rank(x) = 4, got 3}}
  %0 = mil.pad %x pad = [1, 1, 1] : tensor<1x8xf16>
  return
}

// -----

func.func @pad_non_negative(%x: tensor<1x8xf16>) {
  // expected-error @+1 {{'pad' entries must be non-negative, got [1, -1]}}
  %0 = mil.pad %x pad = [1, -1] : tensor<1x8xf16>
  return
}

// -----

func.func @pad_mode_limit(%x: tensor<1x8xf16>) {
  // expected-error @+1 {{'mode' "reflect" allows pads of at most 7 on dim 1 of size 8, got (0, 8)}}
  %0 = mil.pad %x pad = [0, 8] mode = "reflect" : tensor<1x8xf16>
  return
}

// -----

func.func @gather_axis_in_range(%x: tensor<4x8xf16>, %i: tensor<3xi32>) {
  // expected-error @+1 {{'axis' must be in [-2, 2), got 2}}
  %0 = mil.gather %x, %i axis = 2 : tensor<4x8xf16>, tensor<3xi32>
  return
}

// -----

func.func @gather_batch_dims_range(%x: tensor<4x8xf16>, %i: tensor<4x3xi32>) {
  // expected-error @+1 {{'batch_dims' must be in [0, min(axis, rank(indices))] = [0, 1], got 2}}
  %0 = mil.gather %x, %i axis = 1 batch_dims = 2 : tensor<4x8xf16>, tensor<4x3xi32>
  return
}

// -----

func.func @gather_batch_dims_match(%x: tensor<4x8xf16>, %i: tensor<5x3xi32>) {
  // expected-error @+1 {{batch dim 0 must match: x has 4, indices has 5}}
  %0 = mil.gather %x, %i axis = 1 batch_dims = 1 : tensor<4x8xf16>, tensor<5x3xi32>
  return
}

// -----

func.func @band_part_rank_at_least_2(%x: tensor<8xf16>) {
  // expected-error @+1 {{'x' must have rank at least 2, got 1}}
  %0 = mil.band_part %x lower = 0 : tensor<8xf16>
  return
}

// -----

func.func @stack_same_type(%a: tensor<2x3xf16>, %b: tensor<3x2xf16>) {
  // expected-error @+1 {{'values' must share one type: value 0 is 'tensor<2x3xf16>', value 1 is 'tensor<3x2xf16>'}}
  %0 = mil.stack %a, %b axis = 0 : tensor<2x3xf16>, tensor<3x2xf16>
  return
}

// -----

func.func @stack_axis_in_range(%a: tensor<2x3xf16>) {
  // expected-error @+1 {{'axis' must be in [-3, 3), got 3}}
  %0 = mil.stack %a, %a axis = 3 : tensor<2x3xf16>, tensor<2x3xf16>
  return
}

// -----

// iOS15/16: `0` is positional, so the shape needs rank(x) entries.
func.func @reshape_zero_positional_needs_same_rank(%x: tensor<2x50xf16>) attributes {mil.opset = "ios16"} {
  // expected-error @+2 {{'shape' may contain 0 before iOS17 only when it has rank(x) = 2 entries, got 4}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.reshape %x shape = [1, 0, -1, 0] : tensor<2x50xf16> -> tensor<1x1x2x50xf16>
  return
}

// -----

func.func @reshape_result_type_is_inferred(%x: tensor<2x50xf16>) {
  // expected-error @+2 {{inferred type(s) 'tensor<100xf16>' are incompatible with return type(s) of operation 'tensor<50x2xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = mil.reshape %x shape = [-1] : tensor<2x50xf16> -> tensor<50x2xf16>
  return
}

// -----

func.func @concat_values_not_empty() {
  // expected-error @+2 {{'values' must hold at least one tensor, got 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = "mil.concat"() <{axis = 0 : i32}> : () -> tensor<1xf16>
  return
}

// -----

func.func @stack_values_not_empty() {
  // expected-error @+2 {{'values' must hold at least one tensor, got 0}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = "mil.stack"() <{axis = 0 : i32}> : () -> tensor<1xf16>
  return
}

// -----

// The rule follows the module's opset when the function has none.
module attributes {mil.opset = "ios15"} {
  func.func @reshape_zero_positional_from_module(%x: tensor<2x50xf16>) {
    // expected-error @+2 {{'shape' may contain 0 before iOS17 only when it has rank(x) = 2 entries, got 3}}
    // expected-error @+1 {{failed to infer returned types}}
    %0 = mil.reshape %x shape = [1, 0, 0] : tensor<2x50xf16> -> tensor<1x2x50xf16>
    return
  }
}

// -----

// A function's opset overrides its module's: iOS17 right-aligned `0`.
module attributes {mil.opset = "ios15"} {
  func.func @reshape_function_opset_overrides(%x: tensor<2x50xf16>) attributes {mil.opset = "ios17"} {
    // Accepted here; the same op fails in the iOS15 module above.
    %0 = mil.reshape %x shape = [1, 0, 0] : tensor<2x50xf16> -> tensor<1x2x50xf16>
    // Right-aligned: the leading 0 has no dim of x to copy and becomes 1.
    // expected-error @+2 {{'shape' [0, 0, 1] gives volume 2, expected the volume of x [2, 50] = 100}}
    // expected-error @+1 {{failed to infer returned types}}
    %1 = mil.reshape %x shape = [0, 0, 1] : tensor<2x50xf16> -> tensor<1x2x1xf16>
    return
  }
}
