// RUN: not ane-opt %s -mil-split-program="function=nope" 2>&1 | FileCheck %s

// CHECK: error: mil-split-program: no function @nope with a body of one block
func.func @main(%x: tensor<4xf16>) -> tensor<4xf16> {
  return %x : tensor<4xf16>
}
