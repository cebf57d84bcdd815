//===- RandomInputs.h - ane-run's reproducible random inputs ----*- C++ -*-===//
//
// The values `--random-inputs --seed N` feeds a program, shared by `ane-run
// run`, `bench` and `compare` so all three draw the same inputs for a seed.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TOOLS_ANE_RUN_RANDOMINPUTS_H
#define ANE_TOOLS_ANE_RUN_RANDOMINPUTS_H

#include "ane/Runtime/Tensor.h"

#include <random>

namespace ane::run {

/// Fills `t` with deterministic random values in its dtype's natural range:
/// floats in [-1, 1), signed ints in [-8, 8), unsigned in [0, 16), bools 0/1.
/// Inputs are filled in function order from one generator seeded with the
/// seed.
void fillRandom(runtime::Tensor &t, std::mt19937_64 &gen);

} // namespace ane::run

#endif // ANE_TOOLS_ANE_RUN_RANDOMINPUTS_H
