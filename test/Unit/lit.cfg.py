# lit configuration that runs the GoogleTest unit-test binaries.
import os

import lit.formats

config.name = "ANE-Unit"
config.suffixes = []
config.test_exec_root = os.path.join(config.ane_obj_root, "test", "unittests")
config.test_source_root = config.test_exec_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
config.environment["ANE_SHARED_DIR"] = config.shared_dir
