#include "llm/synthesizer.h"

#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "http/curl_transport.h"
#include "llm/answer.h"
#include "llm/chat_client.h"
#include "llm/grounding.h"
#include "llm/prompt.h"
#include "llm/sources.h"
#include "model/clock.h"
#include "model/version.h"
#include "store/store.h"
#include "store/synthesis_cache.h"

namespace issuegraph::llm {
namespace {

constexpr auto kFailureMemory = std::chrono::seconds(60);

std::string Sha256Hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr) != 1) return "";
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

int64_t MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

std::string DropSummary(const Synthesis& synthesis) {
  std::string reasons;
  for (const auto& [reason, count] : synthesis.dropped) {
    reasons += (reasons.empty() ? "" : ", ") + std::to_string(count) + " " + reason;
  }
  return reasons;
}

// Answer -> checked synthesis (sentences kept, drops counted).
void Check(const Answer& answer, const GroundingChecker& checker, const SourceIndex& sources,
           const std::vector<std::string>& shown, Synthesis& synthesis) {
  auto drop = [&](DropReason reason) { ++synthesis.dropped[std::string(DropReasonName(reason))]; };
  if (!answer.summary.empty()) {
    ++synthesis.checked;
    if (auto reason = checker.CheckSummary(answer.summary, shown)) {
      drop(*reason);
    } else {
      synthesis.summary = answer.summary;
      ++synthesis.kept;
    }
  }
  for (const AnswerSection& section : answer.sections) {
    auto kind = SynthesisKindFromName(section.kind);
    SynthesisSection* out = nullptr;
    if (kind) {
      for (auto& existing : synthesis.sections) {
        if (existing.kind == *kind) out = &existing;
      }
      if (out == nullptr) {
        synthesis.sections.push_back(SynthesisSection{*kind, {}});
        out = &synthesis.sections.back();
      }
    }
    for (const AnswerSentence& sentence : section.sentences) {
      ++synthesis.checked;
      if (!kind) {
        drop(DropReason::kUnknownSection);
        continue;
      }
      if (auto reason = checker.Check(sentence.text, sentence.cites)) {
        drop(*reason);
        continue;
      }
      SynthesisSentence kept;
      kept.text = sentence.text;
      for (const std::string& cite : sentence.cites) {
        const Source* source = sources.Find(cite);
        if (source == nullptr || source->addresses_model) continue;
        kept.cites.push_back(Citation{source->id, source->url});
      }
      out->sentences.push_back(std::move(kept));
      ++synthesis.kept;
    }
  }
  std::erase_if(synthesis.sections, [](const SynthesisSection& section) { return section.sentences.empty(); });
}

}  // namespace

Result<void> CheckLlmOptions(const LlmOptions& options) {
  if (auto url = ChatUrl(options.url); !url) return std::unexpected(url.error());
  if (options.timeout.count() < 1) {
    return MakeError(ErrorKind::kInvalidInput, "--llm-timeout must be at least 1 second");
  }
  if (options.context_tokens < 2048) {
    return MakeError(ErrorKind::kInvalidInput,
                     "--llm-context-tokens must be at least 2048: less leaves no room for the report");
  }
  return {};
}

LlmSynthesizer::LlmSynthesizer(LlmOptions options)
    : options_(std::move(options)), endpoint_(ChatUrl(options_.url).value_or(options_.url)) {}

std::string LlmSynthesizer::Identity() const {
  return nlohmann::json{{"endpoint", endpoint_},
                        {"model", options_.model},
                        {"prompt", kPromptVersion},
                        {"context_tokens", options_.context_tokens}}
      .dump();
}

Synthesis LlmSynthesizer::Synthesize(const Report& report, const Graph& graph, store::Store* store) {
  const auto started = std::chrono::steady_clock::now();
  Synthesis synthesis;
  synthesis.model = options_.model.empty() ? std::string("the model") : options_.model;
  synthesis.prompt_version = kPromptVersion;
  synthesis.context_tokens = options_.context_tokens;
  auto finish = [&](std::string fallback) {
    if (!fallback.empty()) {
      synthesis.fallback = std::move(fallback);
      synthesis.summary.clear();
      synthesis.sections.clear();
    }
    synthesis.wall_ms = MillisSince(started);
    return synthesis;
  };

  const SourceIndex sources(graph);
  auto prompt = BuildPrompt(report, graph, sources, options_.context_tokens);
  if (!prompt) return finish(prompt.error().message);
  synthesis.prompt_tokens = prompt->tokens;
  const nlohmann::json schema = AnswerSchema();
  const std::string hash = Sha256Hex(prompt->system + '\x1f' + prompt->user + '\x1f' + schema.dump());
  const store::SynthesisKey key{endpoint_, options_.model, kPromptVersion, hash};

  {
    std::lock_guard lock(mutex_);
    std::erase_if(recent_failures_, [](const auto& entry) {
      return std::chrono::steady_clock::now() - entry.second.first > kFailureMemory;
    });
    if (auto it = recent_failures_.find(hash); it != recent_failures_.end()) return finish(it->second.second);
  }

  std::string content;
  if (store != nullptr) {
    if (auto found = store::SynthesisCache(store->database()).Get(key); found && *found) {
      content = std::move(**found);
      synthesis.cached = true;
    }
  }
  if (!synthesis.cached) {
    http::CurlOptions curl;
    curl.user_agent = "issuegraph/" + std::string(kVersion);
    curl.total_timeout = options_.timeout;
    curl.connect_timeout = std::min<std::chrono::milliseconds>(options_.timeout, std::chrono::seconds(10));
    curl.idle_timeout = options_.timeout;
    curl.max_in_flight = 1;
    http::CurlTransport transport(curl);
    SystemClock clock;
    ChatOptions chat{endpoint_, options_.model, options_.key, options_.timeout, 1};
    auto answer = Complete(transport, clock, chat,
                           ChatRequest(chat, prompt->system, prompt->user, prompt->answer_tokens, schema));
    if (!answer && answer.error().kind == ErrorKind::kInvalidInput) {
      // Some servers take no response_format: ask again without it; the
      // answer is validated either way.
      answer = Complete(transport, clock, chat,
                        ChatRequest(chat, prompt->system, prompt->user, prompt->answer_tokens, nullptr));
    }
    std::string failure;
    if (!answer) {
      failure = answer.error().message;
    } else if (!answer->refusal.empty() || answer->finish_reason == "content_filter" ||
               (LooksLikeRefusal(answer->content) && !ReadAnswer(answer->content))) {
      failure = "the model declined to answer";
    } else if (answer->finish_reason == "length") {
      failure = "the model's answer was cut off at its length limit";
    } else if (auto read = ReadAnswer(answer->content); !read) {
      failure = read.error().message;
    }
    if (!failure.empty()) {
      std::lock_guard lock(mutex_);
      recent_failures_[hash] = {std::chrono::steady_clock::now(), failure};
      return finish(failure);
    }
    content = answer->content;
    if (store != nullptr) {
      // A lost cache entry costs one more request next time, no more.
      (void)store::SynthesisCache(store->database()).Put(key, content, store->Now());
    }
  }

  auto read = ReadAnswer(content);
  if (!read) return finish(read.error().message);
  const GroundingChecker checker(graph, sources);
  Check(*read, checker, sources, prompt->sent_ids, synthesis);
  if (synthesis.checked == 0) return finish("the model's answer held no sentences");
  const int dropped = synthesis.DroppedCount();
  if (synthesis.kept == 0 || dropped * 2 > synthesis.checked) {
    return finish(std::to_string(dropped) + " of " + std::to_string(synthesis.checked) +
                  " sentences failed the check against the sources (" + DropSummary(synthesis) + ")");
  }
  return finish("");
}

}  // namespace issuegraph::llm
