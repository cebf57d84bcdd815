//===- InterpreterProgram.h - Fake ANE programs on the CPU ---- -*- C++ -*-===//
//
// The fake platform's compile callback that makes `--platform fake` a real
// execution path: "compiling" imports the MIL text (MILImporter.h) with its
// weight files written to a temporary model directory and prepares the CPU
// interpreter on function `main`; "evaluating" copies the request's input
// surfaces into the interpreter's inputs (dense bytes, in function order),
// runs it and copies the results into the output surfaces. Import and
// preparation diagnostics become the compile error (and so the NSError).
//
//===----------------------------------------------------------------------===//

#ifndef ANE_RUNTIME_ANE_INTERPRETERPROGRAM_H
#define ANE_RUNTIME_ANE_INTERPRETERPROGRAM_H

#include "ane/Runtime/ANE/FakePlatform.h"

namespace ane::device {

/// The compile callback described above.
FakeCompileFn interpreterFakeCompile();

} // namespace ane::device

#endif // ANE_RUNTIME_ANE_INTERPRETERPROGRAM_H
