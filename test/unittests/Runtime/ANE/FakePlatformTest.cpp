//===- FakePlatformTest.cpp - The fake platform catches protocol mistakes -===//
//
// Drives the fake's Platform table directly, the way a buggy backend would,
// and checks that the fake notices: wrong msgSend signature, unrecognized
// selector, autorelease without a pool, undocumented IOSurface properties,
// compile without the temp files, reference counting.
//
//===----------------------------------------------------------------------===//

#include "FakeTestUtil.h"

using namespace ane::device;
using namespace ane::device::testing;

namespace {

bool contains(const std::vector<std::string> &lines, llvm::StringRef what) {
  for (const std::string &l : lines)
    if (llvm::StringRef(l).contains(what))
      return true;
  return false;
}

TEST(FakePlatformTest, WrongMsgSendSignatureIsAViolation) {
  FakePlatform fake;
  const Platform &p = *fake.platform();
  void *pool = p.objc_autoreleasePoolPush();
  ObjCId cls = p.objc_getClass("_ANEInMemoryModel");
  ASSERT_NE(cls, nullptr);
  // inMemoryModelWithDescriptor: takes an argument: id_id, not id.
  EXPECT_EQ(
      p.msgSend.id(cls, p.sel_registerName("inMemoryModelWithDescriptor:")),
      nullptr);
  p.objc_autoreleasePoolPop(pool);
  ASSERT_EQ(fake.violations().size(), 1u);
  EXPECT_EQ(fake.violations()[0],
            "+[_ANEInMemoryModel inMemoryModelWithDescriptor:] called through "
            "objc_msgSend typed 'id', expected 'id_id'");
}

TEST(FakePlatformTest, UnrecognizedSelectorIsCounted) {
  FakePlatform fake;
  const Platform &p = *fake.platform();
  ObjCId cls = p.objc_getClass("_ANERequest");
  EXPECT_EQ(p.msgSend.id(cls, p.sel_registerName("frobnicate")), nullptr);
  EXPECT_EQ(fake.unrecognizedSelectors(), 1u);
  EXPECT_TRUE(contains(fake.trace(), "unrecognized selector +[_ANERequest "
                                     "frobnicate]"));
  EXPECT_FALSE(p.msgSend.bool_sel(cls,
                                  p.sel_registerName("respondsToSelector:"),
                                  p.sel_registerName("frobnicate")));
  EXPECT_EQ(p.objc_getClass("_ANENoSuchClass"), nullptr);
}

TEST(FakePlatformTest, AutoreleaseWithoutPoolIsALeak) {
  FakePlatform fake;
  const Platform &p = *fake.platform();
  ObjCId dir = p.NSTemporaryDirectory(); // Autoreleased, no pool.
  EXPECT_NE(dir, nullptr);
  EXPECT_TRUE(contains(fake.violations(), "autoreleased with no autorelease "
                                          "pool"));
  EXPECT_EQ(fake.liveObjects(), 1u);
}

TEST(FakePlatformTest, PoolsAndReferenceCounts) {
  FakePlatform fake;
  const Platform &p = *fake.platform();
  CFTypeRef s =
      p.CFStringCreateWithCString(nullptr, "x", kCFStringEncodingUTF8);
  const void *values[] = {s};
  CFTypeRef arr = p.CFArrayCreate(nullptr, values, 1, p.kCFTypeArrayCallBacks);
  EXPECT_EQ(fake.liveObjects(), 2u);
  p.CFRelease(s); // The array still holds it.
  EXPECT_EQ(fake.liveObjects(), 2u);
  p.CFRelease(arr);
  EXPECT_EQ(fake.liveObjects(), 0u);
  void *pool = p.objc_autoreleasePoolPush();
  ObjCId dir = p.NSTemporaryDirectory();
  p.CFRetain(dir);
  p.objc_autoreleasePoolPop(pool);
  EXPECT_EQ(fake.liveObjects(), 1u); // Kept by our retain.
  p.CFRelease(dir);
  EXPECT_EQ(fake.liveObjects(), 0u);
  EXPECT_TRUE(fake.violations().empty());
}

TEST(FakePlatformTest, UndocumentedSurfacePropertiesAreRejected) {
  FakePlatform fake;
  const Platform &p = *fake.platform();
  int64_t bytes = 64, one = 1;
  CFTypeRef n = p.CFNumberCreate(nullptr, kCFNumberSInt64Type, &bytes);
  CFTypeRef h = p.CFNumberCreate(nullptr, kCFNumberSInt64Type, &one);
  const void *keys[] = {p.kIOSurfaceWidth, p.kIOSurfaceHeight,
                        p.kIOSurfaceAllocSize};
  const void *values[] = {n, h, n};
  CFTypeRef props = p.CFDictionaryCreate(nullptr, keys, values, 3,
                                         p.kCFTypeDictionaryKeyCallBacks,
                                         p.kCFTypeDictionaryValueCallBacks);
  EXPECT_EQ(p.IOSurfaceCreate(props), nullptr);
  EXPECT_TRUE(contains(fake.violations(),
                       "IOSurfaceCreate properties lack IOSurfacePixelFormat"));
  p.CFRelease(props);
  p.CFRelease(n);
  p.CFRelease(h);
  EXPECT_EQ(fake.liveObjects(), 0u);
}

TEST(FakePlatformTest, CompileNeedsTheTempDirectory) {
  FakePlatform fake;
  const Platform &p = *fake.platform();
  void *pool = p.objc_autoreleasePoolPush();
  CFTypeRef mil = p.CFDataCreate(
      nullptr, reinterpret_cast<const uint8_t *>("program(1.3) {}"), 15);
  ObjCId desc = p.msgSend.id_id_id_id(
      p.objc_getClass("_ANEInMemoryModelDescriptor"),
      p.sel_registerName("modelWithMILText:weights:optionsPlist:"),
      const_cast<void *>(mil), nullptr, nullptr);
  ASSERT_NE(desc, nullptr);
  ObjCId model =
      p.msgSend.id_id(p.objc_getClass("_ANEInMemoryModel"),
                      p.sel_registerName("inMemoryModelWithDescriptor:"), desc);
  ASSERT_NE(model, nullptr);
  ObjCId err = nullptr;
  EXPECT_FALSE(p.msgSend.bool_u32_id_err(
      model, p.sel_registerName("compileWithQoS:options:error:"), 21, nullptr,
      &err));
  ASSERT_NE(err, nullptr);
  std::string text =
      p.msgSend.cstr(p.msgSend.id(err, p.sel_registerName("description")),
                     p.sel_registerName("UTF8String"));
  EXPECT_NE(text.find("model.mil (the temp directory must hold model.mil"),
            std::string::npos)
      << text;
  p.CFRelease(mil);
  p.objc_autoreleasePoolPop(pool);
  EXPECT_EQ(fake.liveObjects(), 0u);
  EXPECT_EQ(fake.compileCount(), 1u);
}

} // namespace
