//===- ane-translate.cpp - MIL text <-> mil dialect translation -----------===//
//
// `--import-mil-text DIR/model.mil -o x.mlir` reads a MIL program (and the
// weight files beside it); `--export-mil-text x.mlir -o OUT/model.mil`
// writes the program text and OUT/weights/. Errors are printed as
// file:line:col diagnostics and give a non-zero exit code.
//
//===----------------------------------------------------------------------===//

#include "ane/InitAll.h"
#include "ane/Target/MIL/MILEmitter.h"
#include "ane/Target/MIL/MILImporter.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;
namespace cl = llvm::cl;

static cl::opt<std::string>
    inputFilename(cl::Positional, cl::desc("<input file>"), cl::init("-"));
static cl::opt<std::string> outputFilename("o", cl::desc("Output file"),
                                           cl::value_desc("filename"),
                                           cl::init("-"));
static cl::opt<bool> importMIL("import-mil-text",
                               cl::desc("MIL text (model.mil) to mlir"));
static cl::opt<bool> exportMIL("export-mil-text",
                               cl::desc("mlir to MIL text (model.mil + "
                                        "weights/)"));
static cl::opt<std::string>
    target("mil-target", cl::desc("Export target: ios16, ios17 or ios18"),
           cl::init(""));
static cl::opt<std::string> weights(
    "mil-weights",
    cl::desc("Import: 'load' reads BLOBFILE data (default), 'symbolic' keeps "
             "#mil.blob_file references"),
    cl::init("load"));
static cl::opt<int64_t> inlineThreshold(
    "mil-inline-threshold",
    cl::desc("Export: constants with at least this many elements go to the "
             "weight file (default 10)"),
    cl::init(10));
static cl::opt<bool> allowUnknownOps(
    "mil-allow-unknown-ops",
    cl::desc("Import: keep ops the mil dialect lacks as generic "
             "mil_generic.* ops"));
static cl::opt<std::string>
    modelPath("mil-model-path",
              cl::desc("Import: directory @model_path stands for (default: the "
                       "input's directory)"),
              cl::init(""));
static cl::opt<bool> printNames(
    "mil-print-names",
    cl::desc("Import: print locations, which carry the MIL value names "
             "(default on; --mil-print-names=false for bare IR)"),
    cl::init(true));
static cl::opt<bool>
    noVerify("no-verify",
             cl::desc("Skip verification (import: of every op and the module; "
                      "export: of the input module)"));

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  cl::ParseCommandLineOptions(argc, argv, "ane-mlir MIL text translator\n");
  if (importMIL == exportMIL) {
    llvm::errs() << "ane-translate: give exactly one of --import-mil-text "
                    "and --export-mil-text\n";
    return 1;
  }
  if (weights != "load" && weights != "symbolic") {
    llvm::errs() << "ane-translate: --mil-weights must be 'load' or "
                    "'symbolic'\n";
    return 1;
  }
  std::optional<ane::mil::Opset> opset;
  if (!target.empty()) {
    opset = ane::mil::parseOpset(target);
    if (!opset || *opset < ane::mil::Opset::ios16) {
      llvm::errs() << "ane-translate: --mil-target must be ios16, ios17 or "
                      "ios18\n";
      return 1;
    }
  }

  DialectRegistry registry;
  ane::registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  context.allowUnregisteredDialects(allowUnknownOps || exportMIL);

  std::string error;
  auto input = openInputFile(inputFilename, &error);
  if (!input) {
    llvm::errs() << "ane-translate: " << error << "\n";
    return 1;
  }
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(input), llvm::SMLoc());
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);

  if (importMIL) {
    ane::mil::MILImportOptions options;
    options.symbolicWeights = weights == "symbolic";
    options.allowUnknownOps = allowUnknownOps;
    options.modelPath = modelPath;
    options.verify = !noVerify;
    OwningOpRef<ModuleOp> module =
        ane::mil::importMILText(sourceMgr, &context, options);
    if (!module)
      return 1;
    auto output = openOutputFile(outputFilename, &error);
    if (!output) {
      llvm::errs() << "ane-translate: " << error << "\n";
      return 1;
    }
    OpPrintingFlags flags;
    if (printNames)
      flags.enableDebugInfo();
    module->print(output->os(), flags);
    output->os() << "\n";
    output->keep();
    return 0;
  }

  ParserConfig config(&context, /*verifyAfterParse=*/!noVerify);
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, config);
  if (!module)
    return 1;
  ane::mil::MILExportOptions options;
  options.target = opset;
  options.inlineThreshold = inlineThreshold;
  ane::mil::MILProgram program;
  if (failed(ane::mil::exportMILProgram(*module, program, options)) ||
      failed(
          ane::mil::writeMILProgram(program, outputFilename, module->getLoc())))
    return 1;
  return 0;
}
