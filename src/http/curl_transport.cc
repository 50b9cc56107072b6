#include "http/curl_transport.h"

#include <curl/curl.h>
#include <dlfcn.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <mutex>

namespace issuegraph::http {
namespace {

// libcurl, loaded on the first request rather than at start-up: it and the
// TLS, Kerberos, LDAP… libraries it pulls in take several milliseconds to
// map and relocate, which a report served from the store or an archive
// never needs. The pointers have libcurl's own declared types.
struct CurlApi {
  decltype(::curl_global_init)* global_init = nullptr;
  decltype(::curl_easy_init)* easy_init = nullptr;
  decltype(::curl_easy_cleanup)* easy_cleanup = nullptr;
  decltype(::curl_easy_setopt)* easy_setopt = nullptr;
  decltype(::curl_easy_getinfo)* easy_getinfo = nullptr;
  decltype(::curl_easy_strerror)* easy_strerror = nullptr;
  decltype(::curl_slist_append)* slist_append = nullptr;
  decltype(::curl_slist_free_all)* slist_free_all = nullptr;
  decltype(::curl_multi_init)* multi_init = nullptr;
  decltype(::curl_multi_cleanup)* multi_cleanup = nullptr;
  decltype(::curl_multi_setopt)* multi_setopt = nullptr;
  decltype(::curl_multi_add_handle)* multi_add_handle = nullptr;
  decltype(::curl_multi_remove_handle)* multi_remove_handle = nullptr;
  decltype(::curl_multi_perform)* multi_perform = nullptr;
  decltype(::curl_multi_poll)* multi_poll = nullptr;
  decltype(::curl_multi_info_read)* multi_info_read = nullptr;
  decltype(::curl_share_init)* share_init = nullptr;
  decltype(::curl_share_cleanup)* share_cleanup = nullptr;
  decltype(::curl_share_setopt)* share_setopt = nullptr;
};

// Loads libcurl once (the library this build was linked against, by its
// soname) and initialises it; an error names the library and the way out.
Result<const CurlApi*> LoadCurl() {
  static const Result<const CurlApi*> loaded = []() -> Result<const CurlApi*> {
    void* library = dlopen(ISSUEGRAPH_CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      const char* why = dlerror();
      return MakeError(ErrorKind::kNetwork,
                       std::string("cannot load libcurl (") + (why != nullptr ? why : ISSUEGRAPH_CURL_SONAME) +
                           "), which every request to GitHub needs; install libcurl, or use --offline");
    }
    static CurlApi api;
    bool complete = true;
    auto bind = [&](auto*& function, const char* symbol) {
      function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(library, symbol));
      complete = complete && function != nullptr;
    };
    bind(api.global_init, "curl_global_init");
    bind(api.easy_init, "curl_easy_init");
    bind(api.easy_cleanup, "curl_easy_cleanup");
    bind(api.easy_setopt, "curl_easy_setopt");
    bind(api.easy_getinfo, "curl_easy_getinfo");
    bind(api.easy_strerror, "curl_easy_strerror");
    bind(api.slist_append, "curl_slist_append");
    bind(api.slist_free_all, "curl_slist_free_all");
    bind(api.multi_init, "curl_multi_init");
    bind(api.multi_cleanup, "curl_multi_cleanup");
    bind(api.multi_setopt, "curl_multi_setopt");
    bind(api.multi_add_handle, "curl_multi_add_handle");
    bind(api.multi_remove_handle, "curl_multi_remove_handle");
    bind(api.multi_perform, "curl_multi_perform");
    bind(api.multi_poll, "curl_multi_poll");
    bind(api.multi_info_read, "curl_multi_info_read");
    bind(api.share_init, "curl_share_init");
    bind(api.share_cleanup, "curl_share_cleanup");
    bind(api.share_setopt, "curl_share_setopt");
    if (!complete) {
      return MakeError(ErrorKind::kNetwork, std::string("the libcurl at ") + ISSUEGRAPH_CURL_SONAME +
                                                " lacks functions issuegraph needs (7.68 or newer is); "
                                                "upgrade libcurl, or use --offline");
    }
    api.global_init(CURL_GLOBAL_DEFAULT);
    return &api;  // never unloaded: libcurl keeps global state until exit
  }();
  return loaded;
}

// The loaded library; only after LoadCurl() succeeded.
const CurlApi& Curl() { return **LoadCurl(); }

struct Transfer {
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  size_t index = 0;
  size_t max_body_bytes = 0;
  bool too_large = false;
  Response response;
  char error[CURL_ERROR_SIZE] = {};

  ~Transfer() {
    if (headers != nullptr) Curl().slist_free_all(headers);
    if (easy != nullptr) Curl().easy_cleanup(easy);
  }
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  if (size * count > transfer->max_body_bytes - transfer->response.body.size()) {
    transfer->too_large = true;
    return 0;  // libcurl stops the transfer
  }
  transfer->response.body.append(data, size * count);
  return size * count;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  // A new status line (after 100 Continue, say) starts a new header set.
  if (line.starts_with("HTTP/")) {
    transfer->response.headers.clear();
    return size * count;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  transfer->response.headers[name] = std::string(value);
  return size * count;
}

std::string DescribeCurlError(CURLcode code, const char* detail, const std::string& url) {
  std::string what = detail[0] != '\0' ? detail : Curl().easy_strerror(code);
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return "request to " + url + " timed out (" + what + "); check the network or try again";
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return "cannot resolve the host of " + url + " (" + what + "); check the network or --api-url";
    case CURLE_COULDNT_CONNECT:
      return "cannot connect to " + url + " (" + what + "); check the network or --api-url";
    default:
      return "request to " + url + " failed: " + what;
  }
}

}  // namespace

struct CurlTransport::Impl {
  CurlOptions options;
  CURLM* multi = nullptr;
  CURLSH* share = nullptr;  // DNS and TLS session cache across transfers
};

CurlTransport::CurlTransport(CurlOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

CurlTransport::~CurlTransport() {
  if (impl_->multi != nullptr) Curl().multi_cleanup(impl_->multi);
  if (impl_->share != nullptr) Curl().share_cleanup(impl_->share);
}

void CurlTransport::Start() {
  // libcurl and its TLS library are set up on the first request, not on
  // construction: a rerun answered from the store sends none.
  if (impl_->multi != nullptr) return;
  impl_->multi = Curl().multi_init();
  Curl().multi_setopt(impl_->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  Curl().multi_setopt(impl_->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
                    static_cast<long>(impl_->options.max_in_flight));
  impl_->share = Curl().share_init();
  Curl().share_setopt(impl_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  Curl().share_setopt(impl_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
}

std::vector<Result<Response>> CurlTransport::PerformAll(const std::vector<Request>& requests) {
  if (requests.empty()) return {};
  if (auto loaded = LoadCurl(); !loaded) {
    return std::vector<Result<Response>>(requests.size(), std::unexpected(loaded.error()));
  }
  Start();
  std::vector<Result<Response>> answers(requests.size(),
                                        MakeError(ErrorKind::kInternal, "request not performed"));
  std::deque<size_t> waiting;
  for (size_t i = 0; i < requests.size(); ++i) waiting.push_back(i);
  std::vector<std::unique_ptr<Transfer>> running;
  const auto& opts = impl_->options;
  const auto batch_started = std::chrono::steady_clock::now();

  auto start = [&](size_t index) {
    const Request& request = requests[index];
    auto transfer = std::make_unique<Transfer>();
    transfer->index = index;
    transfer->max_body_bytes = opts.max_body_bytes;
    CURL* easy = Curl().easy_init();
    transfer->easy = easy;
    Curl().easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    Curl().easy_setopt(easy, CURLOPT_SHARE, impl_->share);
    Curl().easy_setopt(easy, CURLOPT_USERAGENT, opts.user_agent.c_str());
    Curl().easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
    Curl().easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    auto total = opts.total_timeout;
    if (request.timeout.count() > 0) {
      // The request's time counts from the batch's start: one queued
      // behind others (max_in_flight) has less of it left.
      const auto queued = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - batch_started);
      total = std::min(total, request.timeout - queued);
    }
    // libcurl reads 0 as "no limit": a spent run still gets one millisecond.
    total = std::max(total, std::chrono::milliseconds{1});
    Curl().easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                       static_cast<long>(std::min(opts.connect_timeout, total).count()));
    Curl().easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(total.count()));
    Curl().easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
    Curl().easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, static_cast<long>(opts.idle_timeout.count()));
    // Redirects are the caller's decision: a token must never follow one to
    // another host, and a 301 tells the crawler an item moved.
    Curl().easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    Curl().easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    Curl().easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    Curl().easy_setopt(easy, CURLOPT_WRITEFUNCTION, OnBody);
    Curl().easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
    Curl().easy_setopt(easy, CURLOPT_HEADERFUNCTION, OnHeader);
    Curl().easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());
    Curl().easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error);
    for (const auto& [name, value] : request.headers) {
      std::string line = name + ": " + value;
      transfer->headers = Curl().slist_append(transfer->headers, line.c_str());
    }
    Curl().easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);
    if (request.method == "POST") {
      Curl().easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.c_str());
      Curl().easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    } else if (request.method != "GET") {
      Curl().easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    Curl().multi_add_handle(impl_->multi, easy);
    running.push_back(std::move(transfer));
  };

  const size_t limit = static_cast<size_t>(std::max(1, opts.max_in_flight));
  while (!waiting.empty() || !running.empty()) {
    while (!waiting.empty() && running.size() < limit) {
      start(waiting.front());
      waiting.pop_front();
    }
    int still_running = 0;
    Curl().multi_perform(impl_->multi, &still_running);
    int queued = 0;
    while (CURLMsg* message = Curl().multi_info_read(impl_->multi, &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      auto it = std::find_if(running.begin(), running.end(),
                             [&](const auto& t) { return t->easy == message->easy_handle; });
      if (it == running.end()) continue;
      Transfer& transfer = **it;
      const Request& request = requests[transfer.index];
      if (message->data.result == CURLE_OK) {
        long status = 0;
        Curl().easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &status);
        curl_off_t size = 0;
        Curl().easy_getinfo(transfer.easy, CURLINFO_SIZE_DOWNLOAD_T, &size);
        transfer.response.status = status;
        transfer.response.wire_bytes = static_cast<int64_t>(size);
        answers[transfer.index] = std::move(transfer.response);
      } else if (transfer.too_large) {
        answers[transfer.index] = MakeError(
            ErrorKind::kServer, "the answer from " + request.url + " is larger than " +
                                     std::to_string(opts.max_body_bytes >> 20) +
                                     " MiB, more than GitHub ever sends; check --api-url");
      } else {
        answers[transfer.index] = MakeError(
            ErrorKind::kNetwork, DescribeCurlError(message->data.result, transfer.error, request.url));
      }
      Curl().multi_remove_handle(impl_->multi, transfer.easy);
      running.erase(it);
    }
    if (!running.empty() && still_running > 0) {
      Curl().multi_poll(impl_->multi, nullptr, 0, 200, nullptr);
    }
  }
  return answers;
}

}  // namespace issuegraph::http
