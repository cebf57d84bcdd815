// RUN: ane-opt %s -mil-unpack-inputs -split-input-file -verify-diagnostics

// An input entry without its width.
// expected-error @+1 {{mil-unpack-inputs: malformed 'mil_packed_input': input entry {name = "a", offset = 0 : i64, shape = array<i64: 1, 4, 1, 4>} needs name, offset, width, shape (and integer channels)}}
func.func @missing_width(%p: tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16>
    attributes {mil_packed_input = {activation_width = 8 : i64, inputs = [{name = "a", offset = 0 : i64, shape = array<i64: 1, 4, 1, 4>}]}} {
  return %p : tensor<1x4x1x8xf16>
}

// -----

// An input entry outside the packed input.
// expected-error @+1 {{mil-unpack-inputs: malformed 'mil_packed_input': input 'a' at offset 6 of width 4 and 4 channels lies outside the packed input [1, 4, 1, 8]}}
func.func @outside(%p: tensor<1x4x1x8xf16>) -> tensor<1x4x1x8xf16>
    attributes {mil_packed_input = {activation_width = 8 : i64, inputs = [{name = "a", offset = 6 : i64, width = 4 : i64, shape = array<i64: 1, 4, 1, 4>}]}} {
  return %p : tensor<1x4x1x8xf16>
}

// -----

// The first input is not [1, C, 1, S].
// expected-error @+1 {{mil-unpack-inputs: the first input of a function with 'mil_packed_input' must be a static [1, C, 1, S] tensor}}
func.func @not_ane_layout(%p: tensor<4x8xf16>) -> tensor<4x8xf16>
    attributes {mil_packed_input = {activation_width = 8 : i64, inputs = []}} {
  return %p : tensor<4x8xf16>
}

// -----

// The packed input read other than through the recorded slices.
func.func @stray_use(%p: tensor<1x4x1x8xf16>) -> (tensor<1x4x1x4xf16>, tensor<1x4x1x8xf16>)
    attributes {mil_packed_input = {activation_width = 8 : i64, inputs = [{name = "a", offset = 0 : i64, width = 4 : i64, shape = array<i64: 1, 4, 1, 4>}]}} {
  %0 = mil.slice_by_size %p begin = [0, 0, 0, 0] size = [1, 4, 1, 4] : tensor<1x4x1x8xf16>
  // expected-error @+1 {{mil-unpack-inputs: reads the packed input outside the recorded input and weight slices}}
  %1 = mil.relu %p : tensor<1x4x1x8xf16>
  return %0, %1 : tensor<1x4x1x4xf16>, tensor<1x4x1x8xf16>
}

// -----

// The slice of an input of another shape used directly (not reshaped).
func.func @slice_use(%p: tensor<1x4x1x8xf16>) -> tensor<1x4x1x4xf16>
    attributes {mil_packed_input = {activation_width = 8 : i64, inputs = [{name = "a", offset = 0 : i64, width = 4 : i64, shape = array<i64: 16>}]}} {
  // expected-error @+1 {{mil-unpack-inputs: packed slice has a use other than a reshape to its recorded shape}}
  %0 = mil.slice_by_size %p begin = [0, 0, 0, 0] size = [1, 4, 1, 4] : tensor<1x4x1x8xf16>
  return %0 : tensor<1x4x1x4xf16>
}
