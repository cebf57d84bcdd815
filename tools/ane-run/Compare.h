//===- Compare.h - The ane-run compare subcommand ----------------*- C++
//-*-===//
//
// `ane-run compare A B`: runs two programs on the same inputs through the CPU
// interpreter and reports how far their outputs are apart.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_TOOLS_ANE_RUN_COMPARE_H
#define ANE_TOOLS_ANE_RUN_COMPARE_H

/// Runs `ane-run compare` (argv[1] == "compare"); returns the exit code.
int compareMain(int argc, char **argv);

#endif // ANE_TOOLS_ANE_RUN_COMPARE_H
