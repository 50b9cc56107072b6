// The environment section: versions, OS, runtime and hardware, from
// environment sections and "OS: …" lines of the body, else from the plain
// sentences that name them ("Running ledgerline 3.2.0 on Temurin 21.0.3,
// Windows Server 2022."). Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "analyze/thread.h"
#include "model/report.h"

namespace issuegraph::analyze {

// Environment sections and label lines of the body; without any, the body
// sentences that name two or more environment facts.
std::vector<ReportItem> ExtractEnvironment(const Thread& root);

// The environment facts a sentence names, each counted once: an operating
// system ("Ubuntu 22.04", "Windows 11", "Arch Linux"), a runtime or
// compiler ("node 20", "Temurin 21.0.3", "rustc 1.79.0"), a product with a
// dotted version ("PipeWire 1.0.7", "client 3.5.0"), hardware ("8 GB RAM",
// "arm64"). Bare versions after prepositions ("tried with 3.4.2") and
// ordinary words ("two ways to go", "windows of three bytes") are not facts.
int EnvironmentFacts(std::string_view sentence);

}  // namespace issuegraph::analyze
