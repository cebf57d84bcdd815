// RUN: ane-opt %s -mil-unpack-dynamic-weights -split-input-file -verify-diagnostics

// The unpack pass: a weight entry without its slice.
// expected-error @+1 {{mil-unpack-dynamic-weights: no slice of the packed input at offset 8 of width 4}}
func.func @missing_slice(%x: tensor<1x4x1x12xf16>) -> tensor<1x4x1x8xf16>
    attributes {mil_packed_input = {activation_width = 8 : i64, weights = [{name = "w", offset = 8 : i64, width = 4 : i64, shape = array<i64: 4, 4>}]}} {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 0] size = [1, 4, 1, 8] : tensor<1x4x1x12xf16>
  return %0 : tensor<1x4x1x8xf16>
}

// -----

// The unpack pass: the packed input read outside the recorded slices.
func.func @stray_use(%x: tensor<1x4x1x12xf16>) -> (tensor<1x4x1x8xf16>, tensor<1x4x1x12xf16>)
    attributes {mil_packed_input = {activation_width = 8 : i64, weights = []}} {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 0] size = [1, 4, 1, 8] : tensor<1x4x1x12xf16>
  // expected-error @+1 {{reads the packed input outside the recorded activation and weight slices}}
  %1 = mil.relu %x : tensor<1x4x1x12xf16>
  return %0, %1 : tensor<1x4x1x8xf16>, tensor<1x4x1x12xf16>
}

// -----

// expected-error @+1 {{mil-unpack-dynamic-weights: malformed 'mil_packed_input'}}
func.func @malformed(%x: tensor<1x4x1x12xf16>) -> tensor<1x4x1x12xf16>
    attributes {mil_packed_input = {weights = []}} {
  return %x : tensor<1x4x1x12xf16>
}

// -----

// The recorded shape does not hold C x width elements.
// expected-error @+1 {{mil-unpack-dynamic-weights: malformed 'mil_packed_input': weight 'w' has shape 4x3 but width 4 at C = 4}}
func.func @bad_shape(%x: tensor<1x4x1x12xf16>) -> tensor<1x4x1x8xf16>
    attributes {mil_packed_input = {activation_width = 8 : i64, weights = [{name = "w", offset = 8 : i64, width = 4 : i64, shape = array<i64: 4, 3>}]}} {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 0] size = [1, 4, 1, 8] : tensor<1x4x1x12xf16>
  return %0 : tensor<1x4x1x8xf16>
}

// -----

// The weight slice is used directly although its recorded shape differs.
func.func @slice_use(%x: tensor<1x4x1x12xf16>) -> (tensor<1x4x1x8xf16>, tensor<1x4x1x4xf16>)
    attributes {mil_packed_input = {activation_width = 8 : i64, weights = [{name = "w", offset = 8 : i64, width = 4 : i64, shape = array<i64: 4, 4>}]}} {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 0] size = [1, 4, 1, 8] : tensor<1x4x1x12xf16>
  // expected-error @+1 {{packed slice has a use other than a reshape to its recorded shape}}
  %1 = mil.slice_by_size %x begin = [0, 0, 0, 8] size = [1, 4, 1, 4] : tensor<1x4x1x12xf16>
  return %0, %1 : tensor<1x4x1x8xf16>, tensor<1x4x1x4xf16>
}

// -----

// A weight entry must span all channels (channels is for mil-pack-inputs).
// expected-error @+1 {{mil-unpack-dynamic-weights: weight 'w' does not span all 4 channels}}
func.func @weight_channels(%x: tensor<1x4x1x12xf16>) -> tensor<1x4x1x8xf16>
    attributes {mil_packed_input = {activation_width = 8 : i64, weights = [{name = "w", offset = 8 : i64, width = 4 : i64, channels = 2 : i64, shape = array<i64: 8>}]}} {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 0] size = [1, 4, 1, 8] : tensor<1x4x1x12xf16>
  return %0 : tensor<1x4x1x8xf16>
}

// -----

// With packed inputs (mil-pack-inputs), a slice reaching past
// activation_width is not one of theirs.
func.func @input_slice_outside(%x: tensor<1x4x1x12xf16>) -> (tensor<1x4x1x8xf16>, tensor<1x4x1x4xf16>)
    attributes {mil_packed_input = {activation_width = 8 : i64, inputs = [{name = "a", offset = 0 : i64, width = 8 : i64, shape = array<i64: 1, 4, 1, 8>}], weights = [{name = "w", offset = 8 : i64, width = 4 : i64, shape = array<i64: 1, 4, 1, 4>}]}} {
  %0 = mil.slice_by_size %x begin = [0, 0, 0, 0] size = [1, 4, 1, 8] : tensor<1x4x1x12xf16>
  %1 = mil.slice_by_size %x begin = [0, 0, 0, 8] size = [1, 4, 1, 4] : tensor<1x4x1x12xf16>
  // expected-error @+1 {{reads the packed input outside the recorded activation and weight slices}}
  %2 = mil.slice_by_size %x begin = [0, 0, 0, 6] size = [1, 4, 1, 4] : tensor<1x4x1x12xf16>
  %3 = mil.add %1, %2 : (tensor<1x4x1x4xf16>, tensor<1x4x1x4xf16>) -> tensor<1x4x1x4xf16>
  return %0, %3 : tensor<1x4x1x8xf16>, tensor<1x4x1x4xf16>
}

// -----

// The packed input must be the one static [1, C, 1, S] input.
// expected-error @+1 {{mil-unpack-dynamic-weights: malformed 'mil_packed_input' or the function has not one [1, C, 1, S] input}}
func.func @not_ane_layout(%x: tensor<4x12xf16>) -> tensor<4x12xf16>
    attributes {mil_packed_input = {activation_width = 8 : i64, weights = []}} {
  return %x : tensor<4x12xf16>
}

// -----

// expected-error @+1 {{mil-unpack-dynamic-weights: malformed 'mil_packed_input' or the function has not one [1, C, 1, S] input}}
func.func @two_inputs(%x: tensor<1x4x1x12xf16>, %y: tensor<1x4x1x12xf16>) -> tensor<1x4x1x12xf16>
    attributes {mil_packed_input = {activation_width = 8 : i64, weights = []}} {
  return %x : tensor<1x4x1x12xf16>
}
