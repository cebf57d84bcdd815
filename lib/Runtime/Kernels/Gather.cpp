//===- Gather.cpp - gather and gather_along_axis ------------------------===//

#include "ane/Runtime/Kernels.h"

#include <cstring>

bool ane::runtime::kernels::gather(const char *x, char *y, size_t elemSize,
                                   int64_t outer, int64_t axisSize,
                                   int64_t inner, const int32_t *indices,
                                   int64_t numIndices, int64_t &badIndex) {
  const size_t row = inner * elemSize;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t j = 0; j < numIndices; ++j) {
      int64_t idx = indices[j];
      if (idx < 0)
        idx += axisSize;
      if (idx < 0 || idx >= axisSize) {
        badIndex = indices[j];
        return false;
      }
      std::memcpy(y + (o * numIndices + j) * row,
                  x + (o * axisSize + idx) * row, row);
    }
  return true;
}

bool ane::runtime::kernels::gatherAlongAxis(
    const char *x, char *y, size_t elemSize, int64_t outer, int64_t axisSize,
    int64_t inner, const int32_t *indices, int64_t idxAxis, int64_t &badIndex) {
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t j = 0; j < idxAxis; ++j)
      for (int64_t i = 0; i < inner; ++i) {
        int64_t pos = (o * idxAxis + j) * inner + i;
        int64_t idx = indices[pos];
        if (idx < 0)
          idx += axisSize;
        if (idx < 0 || idx >= axisSize) {
          badIndex = indices[pos];
          return false;
        }
        std::memcpy(y + pos * elemSize,
                    x + ((o * axisSize + idx) * inner + i) * elemSize,
                    elemSize);
      }
  return true;
}
