// Numeric check of mil-split-program and mil-merge-functions through the CPU
// interpreter, bit-exact (ops are moved, never changed). A program of a
// linear layer and two matmuls with random fp16 weights (4 weight tensors)
// is split at two weight tensors per part; the parts run one after the
// other, each part's output file feeding the next part's input by name;
// merging the chain back gives one function again. With chain=false the
// parts alone are exported as one multi-function MIL program directory and
// run from it with --entry.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python3 %S/Inputs/shaping_numeric.py linear %t/orig.mlir --seed 11
// RUN: ane-opt %t/orig.mlir -mil-split-program=max-weight-tensors=2 -o %t/split.mlir
// RUN: FileCheck %s --check-prefix=SPLIT < %t/split.mlir
// RUN: ane-opt %t/split.mlir -mil-merge-functions -o %t/merged.mlir
// RUN: FileCheck %s --check-prefix=MERGED < %t/merged.mlir
// RUN: ane-run run %t/orig.mlir --random-inputs --seed 4 --output-dir %t/orig
// RUN: ane-run run %t/split.mlir --entry main_0 --random-inputs --seed 4 --output-dir %t/p0
// RUN: ane-run run %t/split.mlir --entry main_1 --input main_0_0=%t/p0/main_0_0.npy --output-dir %t/p1
// RUN: ane-run run %t/merged.mlir --random-inputs --seed 4 --output-dir %t/merged
// RUN: %python3 %ane_src_root/test/Runtime/Inputs/check_npy.py %t/orig/output0.npy %t/p0/main_0_0.npy --exact
// RUN: %python3 %ane_src_root/test/Runtime/Inputs/check_npy.py %t/orig/output1.npy %t/p1/main_1_0.npy --exact
// RUN: %python3 %ane_src_root/test/Runtime/Inputs/check_npy.py %t/orig/output0.npy %t/merged/output0.npy --exact
// RUN: %python3 %ane_src_root/test/Runtime/Inputs/check_npy.py %t/orig/output1.npy %t/merged/output1.npy --exact
// RUN: ane-opt %t/orig.mlir -mil-split-program="max-weight-tensors=2 chain=false" -o %t/parts.mlir
// RUN: ane-translate --export-mil-text %t/parts.mlir -o %t/dir/model.mil
// RUN: FileCheck %s --check-prefix=MIL < %t/dir/model.mil
// RUN: ane-run run %t/dir --entry main_0 --random-inputs --seed 4 --output-dir %t/d0
// RUN: ane-run run %t/dir --entry main_1 --input main_0_0=%t/d0/main_0_0.npy --output-dir %t/d1
// RUN: %python3 %ane_src_root/test/Runtime/Inputs/check_npy.py %t/orig/output0.npy %t/d0/main_0_0.npy --exact
// RUN: %python3 %ane_src_root/test/Runtime/Inputs/check_npy.py %t/orig/output1.npy %t/d1/main_1_0.npy --exact

// SPLIT: func.func @main_0(%arg0: tensor<2x5x96xf16> {mil.name = "arg0"}) -> (tensor<2x5x48xf16> {mil.name = "main_0_0"})
// SPLIT: mil.linear
// SPLIT: func.func @main_1(%arg0: tensor<2x5x48xf16> {mil.name = "main_0_0"}) -> (tensor<2x5x24xf16> {mil.name = "main_1_0"})
// SPLIT-COUNT-2: mil.matmul
// SPLIT: func.func @main(
// SPLIT-COUNT-2: call

// MERGED-NOT: func.func @main_
// MERGED: func.func @main(
// MERGED-NOT: call
// MERGED: mil.linear
// MERGED-COUNT-2: mil.matmul

// MIL: func main_0<ios18>(tensor<fp16, [2, 5, 96]> arg0)
// MIL: func main_1<ios18>(tensor<fp16, [2, 5, 48]> main_0_0)
// MIL-NOT: func main<
