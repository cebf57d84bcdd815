// A 1x1 conv stack like the seed report's inmem_peak sweep, small enough to
// read: 8 layers of 256 channels on [1, 256, 1, 64], fp16 (splat weights).
// `ane-run bench` reports its weight MB, GFLOP and throughput.
module attributes {mil.program_version = "1.3", mil.opset = "ios18"} {
  func.func @main(%x: tensor<1x256x1x64xf16> {mil.name = "x"}) -> (tensor<1x256x1x64xf16> {mil.name = "y"}) {
    %w0 = mil.const {val = dense<0.00390625> : tensor<256x256x1x1xf16>} : tensor<256x256x1x1xf16>
    %c0 = "mil.conv"(%x, %w0) <{pad_type = "valid"}> : (tensor<1x256x1x64xf16>, tensor<256x256x1x1xf16>) -> tensor<1x256x1x64xf16>
    %w1 = mil.const {val = dense<-0.00390625> : tensor<256x256x1x1xf16>} : tensor<256x256x1x1xf16>
    %c1 = "mil.conv"(%c0, %w1) <{pad_type = "valid"}> : (tensor<1x256x1x64xf16>, tensor<256x256x1x1xf16>) -> tensor<1x256x1x64xf16>
    %w2 = mil.const {val = dense<0.00390625> : tensor<256x256x1x1xf16>} : tensor<256x256x1x1xf16>
    %c2 = "mil.conv"(%c1, %w2) <{pad_type = "valid"}> : (tensor<1x256x1x64xf16>, tensor<256x256x1x1xf16>) -> tensor<1x256x1x64xf16>
    %w3 = mil.const {val = dense<-0.00390625> : tensor<256x256x1x1xf16>} : tensor<256x256x1x1xf16>
    %c3 = "mil.conv"(%c2, %w3) <{pad_type = "valid"}> : (tensor<1x256x1x64xf16>, tensor<256x256x1x1xf16>) -> tensor<1x256x1x64xf16>
    %w4 = mil.const {val = dense<0.00390625> : tensor<256x256x1x1xf16>} : tensor<256x256x1x1xf16>
    %c4 = "mil.conv"(%c3, %w4) <{pad_type = "valid"}> : (tensor<1x256x1x64xf16>, tensor<256x256x1x1xf16>) -> tensor<1x256x1x64xf16>
    %w5 = mil.const {val = dense<-0.00390625> : tensor<256x256x1x1xf16>} : tensor<256x256x1x1xf16>
    %c5 = "mil.conv"(%c4, %w5) <{pad_type = "valid"}> : (tensor<1x256x1x64xf16>, tensor<256x256x1x1xf16>) -> tensor<1x256x1x64xf16>
    %w6 = mil.const {val = dense<0.00390625> : tensor<256x256x1x1xf16>} : tensor<256x256x1x1xf16>
    %c6 = "mil.conv"(%c5, %w6) <{pad_type = "valid"}> : (tensor<1x256x1x64xf16>, tensor<256x256x1x1xf16>) -> tensor<1x256x1x64xf16>
    %w7 = mil.const {val = dense<-0.00390625> : tensor<256x256x1x1xf16>} : tensor<256x256x1x1xf16>
    %c7 = "mil.conv"(%c6, %w7) <{pad_type = "valid"}> : (tensor<1x256x1x64xf16>, tensor<256x256x1x1xf16>) -> tensor<1x256x1x64xf16>
    return %c7 : tensor<1x256x1x64xf16>
  }
}
