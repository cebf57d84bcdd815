# lit configuration for ane-mlir's regression tests.
import os
import sys

import lit.formats
from lit.llvm import llvm_config

config.name = "ANE"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".mil", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.ane_obj_root, "test")
config.excludes = ["Inputs", "CMakeLists.txt", "README.txt", "lit.cfg.py",
                   "lit.site.cfg.py", "unittests"]

config.environment["FILECHECK_OPTS"] = "-enable-var-scope"
config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%ane_src_root", config.ane_src_root))
config.substitutions.append(("%ane_obj_root", config.ane_obj_root))
config.substitutions.append(("%shared", config.shared_dir))

# The ANE device backend's C API: the C test program, the shared library
# and the Python that runs the ctypes example (Debian's, which has numpy).
config.substitutions.append(
    ("%ane_capi_test",
     os.path.join(config.ane_obj_root, "test", "Runtime", "ANE", "ane-capi-test")))
config.substitutions.append(
    ("%ane_runtime_lib", os.path.join(
        config.ane_obj_root, "lib",
        "libane_runtime" + (".dylib" if sys.platform == "darwin" else ".so"))))
config.substitutions.append(
    ("%python3", "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else "python3"))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

tool_dirs = [config.ane_tools_dir, config.llvm_tools_dir]
tools = ["ane-opt", "ane-translate", "ane-run"]
llvm_config.add_tool_substitutions(
    [t for t in tools if os.path.exists(os.path.join(config.ane_tools_dir, t))],
    tool_dirs)
