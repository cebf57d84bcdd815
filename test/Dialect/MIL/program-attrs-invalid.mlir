// RUN: ane-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{'mil.program_version' must be a string "1.0" .. "1.3"}}
module attributes {mil.program_version = "2.0"} {}

// -----

// expected-error @+1 {{'mil.opset' must be one of "ios15" .. "ios18"}}
module attributes {mil.opset = "ios14"} {}

// -----

// expected-error @+1 {{'mil.build_info' must be a dictionary of strings}}
module attributes {mil.build_info = {version = 3 : i32}} {}

// -----

module {
  // expected-error @+1 {{'mil.program_version' belongs on a module}}
  func.func @f() attributes {mil.program_version = "1.3"} { return }
}

// -----

// expected-error @+1 {{unknown mil dialect attribute 'mil.bogus'}}
module attributes {mil.bogus = 1 : i32} {}
