// RUN: ane-opt %s | FileCheck %s

// CHECK: module attributes {mil.build_info = {"coremlc-version" = "3505.4.1"}, mil.opset = "ios18", mil.program_version = "1.3"}
module attributes {mil.program_version = "1.3", mil.opset = "ios18",
                   mil.build_info = {"coremlc-version" = "3505.4.1"}} {
  // CHECK: func.func @main() attributes {mil.opset = "ios17"}
  func.func @main() attributes {mil.opset = "ios17"} { return }
}
