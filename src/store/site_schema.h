// The web service's tables, a schema step of their own (version 4):
// reports published at a permalink with every download ready, their
// full-text index for related reports, anonymous votes and views. Appended
// by store/schema.cc; released steps never change.
#pragma once

#include <string_view>

namespace issuegraph::store {

// `key` is PublishedKey(): lower(host)/lower(owner)/lower(repo)#N.
inline constexpr std::string_view kSiteSchemaV4 = R"sql(
CREATE TABLE published (
  key TEXT NOT NULL,
  depth INTEGER NOT NULL,
  host TEXT NOT NULL,
  owner TEXT NOT NULL,
  repo TEXT NOT NULL,
  number INTEGER NOT NULL,
  type TEXT NOT NULL,                 -- issue | pull
  title TEXT NOT NULL,
  state TEXT NOT NULL,
  labels TEXT NOT NULL,               -- JSON array
  errors TEXT NOT NULL,               -- JSON array: the report's error messages
  html TEXT NOT NULL,                 -- the report's <main> content
  markdown TEXT NOT NULL,
  json TEXT NOT NULL,
  archive TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (key, depth)
) WITHOUT ROWID;
CREATE INDEX published_by_created_at ON published (created_at);

-- One row per published key (its newest depth): what related reports match on.
CREATE VIRTUAL TABLE published_search USING fts5(
  key UNINDEXED, title, errors, labels, repository, tokenize = 'porter unicode61');

CREATE TABLE votes (
  key TEXT NOT NULL,
  signal TEXT NOT NULL,
  visitor TEXT NOT NULL,              -- an anonymous random id from a cookie
  created_at INTEGER NOT NULL,
  PRIMARY KEY (key, signal, visitor)
) WITHOUT ROWID;
CREATE INDEX votes_by_created_at ON votes (created_at);

-- A visitor's views of a report count once, at the first.
CREATE TABLE views (
  key TEXT NOT NULL,
  visitor TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (key, visitor)
) WITHOUT ROWID;
CREATE INDEX views_by_created_at ON views (created_at);
)sql";

}  // namespace issuegraph::store
