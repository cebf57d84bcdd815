//===- RandomInputs.cpp - ane-run's reproducible random inputs ----------===//

#include "RandomInputs.h"

#include "ane/Runtime/Half.h"

using namespace ane::runtime;

void ane::run::fillRandom(Tensor &t, std::mt19937_64 &gen) {
  std::uniform_real_distribution<float> real(-1.f, 1.f);
  std::uniform_int_distribution<int> sint(-8, 7), uint(0, 15), bit(0, 1);
  for (int64_t i = 0; i < t.numElements(); ++i) {
    switch (t.dtype()) {
    case DType::F16:
      t.data<uint16_t>()[i] = floatToHalf(real(gen));
      break;
    case DType::F32:
      t.data<float>()[i] = real(gen);
      break;
    case DType::I8:
      t.data<int8_t>()[i] = sint(gen);
      break;
    case DType::U8:
      t.data<uint8_t>()[i] = uint(gen);
      break;
    case DType::I16:
      t.data<int16_t>()[i] = sint(gen);
      break;
    case DType::U16:
      t.data<uint16_t>()[i] = uint(gen);
      break;
    case DType::I32:
      t.data<int32_t>()[i] = sint(gen);
      break;
    case DType::Bool:
      t.data<uint8_t>()[i] = bit(gen);
      break;
    }
  }
}
