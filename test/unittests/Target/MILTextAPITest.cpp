//===- MILTextAPITest.cpp - The C++ import/export API ---------------------===//

#include "ane/InitAll.h"
#include "ane/Target/MIL/MILBlob.h"
#include "ane/Target/MIL/MILEmitter.h"
#include "ane/Target/MIL/MILImporter.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include "gtest/gtest.h"

using namespace mlir;

namespace {

const char *kProgram = R"(program(1.3)
[buildInfo = dict<string, string>({{"coremlc-version", "3505.4.1"}})]
{
    func main<ios18>(tensor<fp16, [1, 16]> x) {
            tensor<fp16, [1, 16]> w = const()[name = string("w"), val = tensor<fp16, [1, 16]>([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])];
            tensor<fp16, [1, 16]> y = mul(x = x, y = w)[name = string("y")];
        } -> (y);
}
)";

struct MILTextAPI : ::testing::Test {
  MILTextAPI() {
    DialectRegistry registry;
    ane::registerAllDialects(registry);
    context.appendDialectRegistry(registry);
  }
  OwningOpRef<ModuleOp> import(llvm::StringRef text) {
    sourceMgr.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(text, "model.mil"), llvm::SMLoc());
    return ane::mil::importMILText(sourceMgr, &context);
  }
  MLIRContext context;
  llvm::SourceMgr sourceMgr;
};

TEST_F(MILTextAPI, ImportExportWithWeightFile) {
  auto module = import(kProgram);
  ASSERT_TRUE(module);
  ane::mil::MILProgram program;
  ASSERT_TRUE(succeeded(ane::mil::exportMILProgram(*module, program)));
  // 16 elements >= the default threshold of 10: one fp16 blob at 64.
  ASSERT_EQ(program.weightFiles.size(), 1u);
  const std::vector<char> &bin = program.weightFiles.at("weights/weight.bin");
  ASSERT_EQ(bin.size(), 128u + 32u);
  EXPECT_EQ(llvm::support::endian::read32le(bin.data() + 64), 0xDEADBEEFu);
  EXPECT_NE(
      program.text.find("val = tensor<fp16, [1, 16]>(BLOBFILE(path = "
                        "string(\"@model_path/weights/weight.bin\"), offset = "
                        "uint64(64)))"),
      std::string::npos)
      << program.text;
  // Everything inline: the text alone.
  ane::mil::MILExportOptions inlineAll;
  inlineAll.inlineThreshold = 100;
  std::string text;
  llvm::raw_string_ostream os(text);
  ASSERT_TRUE(succeeded(ane::mil::exportMILText(*module, os, inlineAll)));
  EXPECT_NE(text.find("0x1p+4])"), std::string::npos) << text;
  EXPECT_NE(text.find("tensor<fp16, [1, 16]> y = mul(x = x, y = w)"
                      "[name = string(\"y\")];"),
            std::string::npos)
      << text;
}

TEST_F(MILTextAPI, ErrorsAreLocated) {
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &d) {
    message = d.str();
    auto loc = dyn_cast<FileLineColLoc>(d.getLocation());
    EXPECT_TRUE(loc);
    if (loc) {
      EXPECT_EQ(loc.getLine(), 6u);
      EXPECT_EQ(loc.getColumn(), 54u);
    }
    return success();
  });
  std::string bad = kProgram;
  bad.replace(bad.find("mul(x = x, y = w)"), 17, "mul(x = x, y = q)");
  EXPECT_FALSE(import(bad));
  EXPECT_EQ(message, "undefined value 'q'");
}

} // namespace
