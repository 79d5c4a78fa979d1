#include "linter/assets/load_asset.h"

#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <xxhash.h>

#include "linter/assets/copy.h"
#include "linter/assets/image_header.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

constexpr const char* kUnreadable = "brandlint/unreadable-asset";

void refuse(Asset& asset, std::string message) {
  asset.readable = false;
  asset.problems.push_back({kUnreadable, std::move(message), 0});
}

bool read_file(const fs::path& path, std::uintmax_t limit, std::string& out, Asset& asset) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    refuse(asset, fmt::format("cannot read file: {}", ec.message()));
    return false;
  }
  if (size > limit) {
    refuse(asset, fmt::format("file is {} MiB, over the {} MiB limit for this kind of file",
                              size >> 20, limit >> 20));
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  out.resize(static_cast<std::size_t>(size));
  if (!in.read(out.data(), static_cast<std::streamsize>(size))) {
    refuse(asset, "cannot read file: read failed");
    return false;
  }
  return true;
}

// Decodes to 8-bit BGRA. JPEGs go through IMREAD_COLOR so EXIF orientation is applied (they have
// no alpha); everything else through IMREAD_UNCHANGED so alpha survives.
void decode_image(const std::string& bytes, Asset& asset, const LoadOptions& options) {
  const std::optional<ImageHeader> header = read_image_header(bytes);
  if (!header) {
    refuse(asset, "not a readable image: unknown or damaged header");
    return;
  }
  int flags = header->format == "jpeg" ? cv::IMREAD_COLOR : cv::IMREAD_UNCHANGED;
  const auto pixels = static_cast<std::uint64_t>(header->width) *
                      static_cast<std::uint64_t>(header->height);
  if (pixels > options.max_pixels) {
    // libjpeg scales in the DCT domain, so a huge JPEG can be decoded small and cheaply.
    static constexpr int kReduced[] = {cv::IMREAD_REDUCED_COLOR_2, cv::IMREAD_REDUCED_COLOR_4,
                                       cv::IMREAD_REDUCED_COLOR_8};
    int step = 0;
    for (std::uint64_t factor = 2; header->format == "jpeg" && step < 3; factor *= 2, ++step) {
      if (pixels / (factor * factor) <= options.max_pixels) break;
    }
    if (header->format != "jpeg" || step == 3) {
      refuse(asset, fmt::format("image is {}×{} ({:.0f} Mpx), over the {:.0f} Mpx decode budget; "
                                "export it smaller or raise --max-pixels",
                                header->width, header->height, double(pixels) / 1e6,
                                double(options.max_pixels) / 1e6));
      return;
    }
    flags = kReduced[step];
  }
  cv::Mat decoded;
  try {
    decoded = cv::imdecode(cv::Mat(1, static_cast<int>(bytes.size()), CV_8UC1,
                                   const_cast<char*>(bytes.data())),
                           flags);
  } catch (const cv::Exception& e) {
    refuse(asset, fmt::format("cannot decode {} image: {}", header->format, e.msg));
    return;
  }
  if (decoded.empty()) {
    refuse(asset, fmt::format("cannot decode {} image: the file is damaged or truncated",
                              header->format));
    return;
  }
  if (decoded.depth() == CV_16U) decoded.convertTo(decoded, CV_8U, 1.0 / 257.0);
  switch (decoded.channels()) {
    case 1: cv::cvtColor(decoded, asset.pixels, cv::COLOR_GRAY2BGRA); break;
    case 3: cv::cvtColor(decoded, asset.pixels, cv::COLOR_BGR2BGRA); break;
    case 4: asset.pixels = decoded; break;
    default: refuse(asset, fmt::format("unsupported image with {} channels", decoded.channels()));
  }
}

}  // namespace

Asset load_asset(const DiscoveredFile& file, AssetKind kind, const guide::Channel& channel,
                 const LoadOptions& options) {
  Asset asset;
  asset.path = file.path;
  asset.display_path = file.display_path;
  asset.match_path = file.match_path;
  asset.kind = kind;
  asset.channel = &channel;
  const bool binary = kind == AssetKind::image || kind == AssetKind::pdf;
  std::string bytes;
  if (!read_file(file.path, binary ? options.max_binary_bytes : options.max_text_bytes, bytes,
                 asset)) {
    return asset;
  }
  asset.byte_size = bytes.size();
  asset.content_hash = XXH3_64bits(bytes.data(), bytes.size());
  switch (kind) {
    case AssetKind::image: decode_image(bytes, asset, options); break;
    case AssetKind::pdf:
      if (bytes.compare(0, 5, "%PDF-") != 0) refuse(asset, "not a PDF: the file has no %PDF- header");
      break;
    case AssetKind::text:
      decode_text(bytes, asset);
      extract_plain_runs(asset);
      break;
    case AssetKind::markdown:
      decode_text(bytes, asset);
      extract_markdown_runs(asset);
      break;
    case AssetKind::copy_deck:
      decode_text(bytes, asset);
      extract_copy_deck_runs(asset);
      break;
    case AssetKind::css:
    case AssetKind::html:
    case AssetKind::svg: decode_text(bytes, asset); break;
  }
  return asset;
}

}  // namespace brandlint
