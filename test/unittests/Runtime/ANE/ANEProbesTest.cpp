//===- ANEProbesTest.cpp - Device probes against the fake platform --------===//

#include "FakeTestUtil.h"

#include "ane/Runtime/ANE/ProbeCommand.h"
#include "ane/Runtime/ANE/Probes.h"

#include "llvm/Support/JSON.h"

using namespace ane::device;
using namespace ane::device::testing;

namespace {

class ANEProbesTest : public FakeDeviceTest {
protected:
  ProbeOptions small() {
    ProbeOptions o;
    o.channels = 8;
    o.seq = 4;
    o.iters = 2;
    o.qos = {0, 21, 63};
    return o;
  }
};

TEST_F(ANEProbesTest, ConvProbeProgramRunsOnTheFake) {
  FakeOptions fo;
  fo.compile = convProbeFakeCompile();
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  // The MIL references its blob correctly (the default compile checks it).
  ANE_ASSERT_OK(FakePlatform::identityCompile()(convProbeMIL(8, 4),
                                                convProbeWeights(8, 1))
                    .takeError());
  ANE_ASSERT_EXPECTED(model, dev->compile(convProbeMIL(8, 4),
                                          convProbeWeights(8, 2.0f),
                                          {ANETensorDesc::seq(8, 4)},
                                          {ANETensorDesc::seq(8, 4)}));
  std::vector<float> x(32), y(32);
  for (size_t i = 0; i < x.size(); ++i)
    x[i] = static_cast<float>(i);
  ANE_ASSERT_OK(model->writeInputFloats(0, x));
  ANE_ASSERT_EXPECTED(stats, model->evaluate());
  (void)stats;
  ANE_ASSERT_OK(model->readOutputFloats(0, y));
  for (size_t i = 0; i < x.size(); ++i)
    EXPECT_EQ(y[i], 2 * x[i]);
}

TEST_F(ANEProbesTest, AllProbesOnTheFake) {
  FakeOptions fo;
  fo.compile = convProbeFakeCompile();
  fo.aneSubType = "h17";
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  auto probes = parseProbes("all");
  ASSERT_TRUE(bool(probes));
  ProbeReport r = runProbes(*dev, *probes, small());
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.platform, "fake");
  EXPECT_EQ(r.aneSubType, "h17");
  ASSERT_EQ(r.qosSweep.size(), 3u);
  for (const QoSRow &row : r.qosSweep)
    EXPECT_TRUE(row.error.empty()) << row.error;
  ASSERT_TRUE(r.weightReloadChanged.has_value());
  EXPECT_FALSE(*r.weightReloadChanged); // Baked at compile, as on M5.
  EXPECT_EQ(r.reloadBefore,
            (std::vector<float>{halfToFloat(floatToHalf(0.01f)),
                                halfToFloat(floatToHalf(0.02f)),
                                halfToFloat(floatToHalf(0.03f)),
                                halfToFloat(floatToHalf(0.04f))}));
  ASSERT_TRUE(r.weightsBufferChanged.has_value());
  EXPECT_FALSE(*r.weightsBufferChanged);
  EXPECT_EQ(r.proceduresAccepted.size(), 16u);
  EXPECT_TRUE(r.proceduresRejected.empty());
  ASSERT_TRUE(r.hwTimeProvided.has_value());
  EXPECT_TRUE(*r.hwTimeProvided);
  ASSERT_TRUE(r.msPerEval.has_value());
  ASSERT_TRUE(r.tflops.has_value());
  EXPECT_TRUE(fake.violations().empty());
  EXPECT_EQ(fake.liveObjects(), 0u);

  std::string table;
  llvm::raw_string_ostream os(table);
  printProbeReport(os, r);
  EXPECT_NE(table.find("ANE sub-type: h17"), std::string::npos);
  EXPECT_NE(table.find("weight reload: unchanged [0.0100, 0.0200, 0.0300, "
                       "0.0400] -> [0.0100, 0.0200, 0.0300, 0.0400]"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("procedureIndex: 16 accepted, 0 rejected"),
            std::string::npos);

  llvm::json::Value json = probeReportToJSON(r);
  const llvm::json::Object *o = json.getAsObject();
  ASSERT_TRUE(o);
  for (const char *key : {"platform", "chip", "macos", "ane_subtype",
                          "ms_per_eval", "tflops", "qos_sweep", "weight_reload",
                          "weights_buffer", "procedure_index", "perf_stats"})
    EXPECT_TRUE(o->get(key)) << key;
  EXPECT_EQ(o->getString("ane_subtype"), "h17");
  EXPECT_EQ(o->getObject("weight_reload")->getBoolean("changed"), false);
}

TEST_F(ANEProbesTest, ReloadThatReadsWeightsIsDetected) {
  FakeOptions fo;
  fo.compile = convProbeFakeCompile();
  fo.reloadReadsWeights = true;
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  ProbeReport r = runProbes(*dev, {Probe::WeightReload}, small());
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_TRUE(r.weightReloadChanged.has_value());
  EXPECT_TRUE(*r.weightReloadChanged);
  EXPECT_EQ(r.reloadAfter[1], halfToFloat(floatToHalf(3 * r.reloadBefore[1])));
}

TEST_F(ANEProbesTest, FailuresAreReportedPerProbe) {
  FakeOptions fo;
  fo.compile = convProbeFakeCompile();
  fo.providePerfStats = false;
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  CompileBudget::setLimit(2);
  ProbeReport r = runProbes(*dev, {Probe::QoSSweep, Probe::PerfStats}, small());
  ASSERT_EQ(r.qosSweep.size(), 3u);
  EXPECT_TRUE(r.qosSweep[0].error.empty());
  EXPECT_TRUE(r.qosSweep[1].error.empty());
  EXPECT_NE(r.qosSweep[2].error.find("ANE compile budget exhausted"),
            std::string::npos);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].rfind("perf-stats: ANE compile budget exhausted", 0),
            0u);
  auto bad = parseProbes("nope");
  EXPECT_NE(errorText(bad).find("unknown probe 'nope'"), std::string::npos);
}

TEST_F(ANEProbesTest, NoPerfStatsMeansWallTime) {
  FakeOptions fo;
  fo.compile = convProbeFakeCompile();
  fo.providePerfStats = false;
  FakePlatform fake(fo);
  auto dev = openDevice(fake);
  ASSERT_TRUE(dev);
  ProbeReport r = runProbes(*dev, {Probe::PerfStats}, small());
  ASSERT_TRUE(r.hwTimeProvided.has_value());
  EXPECT_FALSE(*r.hwTimeProvided);
  ASSERT_TRUE(r.msPerEval.has_value());
  EXPECT_EQ(*r.msPerEval, r.perfWallMs);
}

TEST_F(ANEProbesTest, ProbeCommandOnTheFake) {
  std::string out, err;
  llvm::raw_string_ostream os(out), es(err);
  int rc = runProbeCommand({"--platform=fake", "--channels=8", "--seq=4",
                            "--iters=2", "device-info", "weight-reload"},
                           os, es);
  EXPECT_EQ(rc, 0) << err;
  EXPECT_NE(out.find("platform: fake\nANE sub-type: h16\n"), std::string::npos)
      << out;
  EXPECT_NE(out.find("weight reload: unchanged"), std::string::npos) << out;

  out.clear();
  rc = runProbeCommand({"--platform=fake", "--json", "--channels=8", "--seq=4",
                        "--iters=1", "perf-stats"},
                       os, es);
  EXPECT_EQ(rc, 0) << err;
  auto json = llvm::json::parse(out);
  ASSERT_TRUE(bool(json)) << llvm::toString(json.takeError());
  EXPECT_EQ(json->getAsObject()->getString("platform"), "fake");
  EXPECT_TRUE(json->getAsObject()->getNumber("tflops"));
}

TEST_F(ANEProbesTest, ProbeCommandErrors) {
  std::string out, err;
  llvm::raw_string_ostream os(out), es(err);
  EXPECT_EQ(runProbeCommand({"--platform=gpu"}, os, es), 1);
  EXPECT_EQ(runProbeCommand({"--platform=fake", "bogus"}, os, es), 1);
  EXPECT_EQ(runProbeCommand({"--channels=x"}, os, es), 1);
  // Without an applyFakeDevice parser the option is refused.
  EXPECT_EQ(runProbeCommand({"--platform=fake", "--fake-device=no-perf-stats"},
                            os, es),
            1);
  EXPECT_NE(err.find("--fake-device is not supported here"), std::string::npos);
  EXPECT_NE(err.find("unknown platform 'gpu'"), std::string::npos);
  EXPECT_NE(err.find("unknown probe 'bogus'"), std::string::npos);
  EXPECT_NE(err.find("--channels= needs a positive integer"),
            std::string::npos);
#ifndef __APPLE__
  err.clear();
  EXPECT_EQ(runProbeCommand({"device-info"}, os, es), 1);
  EXPECT_EQ(err.rfind("error: ANE backend unavailable: cannot load ", 0), 0u)
      << err;
#endif
}

} // namespace
