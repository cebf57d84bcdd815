//===- DialectTest.h - Fixture for tests parsing mil ---------- -*- C++ -*-===//
//
// A GoogleTest fixture holding an MLIRContext with the project's dialects
// loaded and a parse() helper for mil modules written inline in a test.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TEST_RUNTIME_DIALECTTEST_H
#define ANE_TEST_RUNTIME_DIALECTTEST_H

#include "ane/InitAll.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

namespace ane::test {

class DialectTest : public ::testing::Test {
protected:
  DialectTest() {
    mlir::DialectRegistry registry;
    ane::registerAllDialects(registry);
    ctx.appendDialectRegistry(registry);
    ctx.loadAllAvailableDialects();
  }
  mlir::OwningOpRef<mlir::ModuleOp> parse(llvm::StringRef text) {
    return mlir::parseSourceString<mlir::ModuleOp>(text, &ctx);
  }
  mlir::MLIRContext ctx;
};

} // namespace ane::test

#endif // ANE_TEST_RUNTIME_DIALECTTEST_H
