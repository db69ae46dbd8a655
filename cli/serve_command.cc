// dyad serve: the JSON API of docs/api.md and the dashboard over a store.
#include <pthread.h>
#include <signal.h>

#include <cerrno>
#include <ctime>
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "dyad/serve.h"

namespace dyad::cli {
namespace {

struct ServeFlags {
  ServeOptions options;
  std::string token;
  std::string models;
  bool no_parse = false;
};

int RunServe(ServeFlags& flags) {
  ServeOptions options = flags.options;
  options.ingest_token = flags.token;
  if (!flags.token.empty() && !options.allow_ingest) {
    std::cerr << "dyad serve: --token is only used with --allow-ingest\n";
    return kExitUsage;
  }
  if (options.allow_ingest && flags.token.empty()) {
    std::cerr << "dyad serve: --allow-ingest needs --token TOKEN\n";
    return kExitUsage;
  }
  options.pipeline.parse = !flags.no_parse;
  options.pipeline.models_dir = flags.models;

  // Signals are taken by sigwait below, never by an asynchronous handler:
  // block them before the server's threads start, so they inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = Server::Start(options);
  if (!server.ok()) {
    std::cerr << "dyad serve: " << server.status().ToString() << "\n";
    return kExitFatal;
  }
  std::cout << "dyad serve: listening on http://" << (*server)->host() << ":"
            << (*server)->port() << std::endl;
  // Wake up every second to notice a listener that ended by itself, so the
  // process exits instead of waiting for a signal that may never come.
  const timespec tick{1, 0};
  int signal_number = -1;
  while (signal_number <= 0) {
    signal_number = sigtimedwait(&stop_signals, nullptr, &tick);
    if (signal_number <= 0 && !(*server)->running()) {
      std::cerr << "dyad serve: the listener stopped by itself; exiting\n";
      (*server)->Stop();
      return kExitFatal;
    }
  }
  std::cerr << "dyad serve: stopping (signal " << signal_number << ")\n";
  (*server)->Stop();
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the JSON API (docs/api.md) and the dashboard over a store");
  ServeOptions& o = flags->options;
  cmd->add_option("--db", o.db, "The store file")->required();
  cmd->add_option("--host", o.host, "Address to listen on")
      ->capture_default_str();
  cmd->add_option("--port", o.port, "Port; 0 picks a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option(
      "--web", o.web_dir,
      "Directory of the dashboard (default: " + DefaultWebDir() + ")");
  cmd->add_flag("--allow-ingest", o.allow_ingest,
                "Accept POST /api/articles (opens the store writable)");
  cmd->add_option("--token", flags->token,
                  "Bearer token POST /api/articles must carry");
  cmd->add_option("--cors", o.cors_origin,
                  "Send Access-Control-Allow-Origin: ORIGIN (off by default)");
  cmd->add_option("--threads", o.threads, "Request threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  cmd->add_option("--time-limit-ms", o.query_time_limit_ms,
                  "Per-request query time limit (then 503)")
      ->capture_default_str()
      ->check(CLI::Range(10, 600000));
  cmd->add_option("--models", flags->models,
                  "Models for coding ingested articles (see dyad code)");
  cmd->add_flag("--no-parse", flags->no_parse,
                "Code ingested articles without the dependency parse");
  cmd->callback([flags, exit_code] { *exit_code = RunServe(*flags); });
}

}  // namespace dyad::cli
