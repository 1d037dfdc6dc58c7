using System.Diagnostics;
using DerSim.Harness.Tests.Cli;
using DerSim.Ocpp.Tests.Validation;
using DerSim.Sim.Load;

namespace DerSim.Harness.Tests.Deploy;

/// <summary>
/// The way a shard's summary leaves its pod, without a cluster: deploy/k8s/shard.sh runs three shards with a stand-in
/// for <c>dotnet</c> (it records the flags and writes a known summary.json where the runner would), its log goes
/// through a stand-in for <c>kubectl</c> to deploy/k8s/collect.sh, and the collected summaries are byte for byte the
/// shards' and merge with <c>dersim load-merge</c>. A log cut in the middle of a summary is noticed, not merged.
/// </summary>
[NonParallelizable]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ShardCollectionTests
{
    private const int Shards = 3;

    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private string _scratch = "";

    [SetUp]
    public void MakeScratch()
    {
        _scratch = Directory.CreateTempSubdirectory("dersim-k8s-").FullName;
        var bin = Directory.CreateDirectory(Path.Combine(_scratch, "bin")).FullName;
        Stub(Path.Combine(bin, "dotnet"), """
            #!/bin/sh
            # Stands in for `dotnet /app/DerSim.Sim.dll FLAGS`: records the flags, writes the shard's summary as ./sim would.
            shift
            printf '%s\n' "$@" > "$STUB_FLAGS"
            mkdir -p "$REPORT_DIR/20261207T080000Z-shard"
            cp "$STUB_SUMMARY" "$REPORT_DIR/20261207T080000Z-shard/summary.json"
            """);
        Stub(Path.Combine(bin, "kubectl"), """
            #!/usr/bin/env bash
            # Stands in for kubectl: one Job of STUB_SHARDS completions, one pod per index, its log from STUB_LOGS.
            case "$1" in
              get)
                if [ "$2" = job ]; then printf '%s' "$STUB_SHARDS"; exit 0; fi
                index=$(printf '%s\n' "$@" | sed -n 's/.*job-completion-index=\([0-9]*\).*/\1/p')
                echo "dersim-load-$index-x7k2p" ;;
              logs)
                index=$(printf '%s' "$2" | cut -d- -f3)
                cat "$STUB_LOGS/shard-$index.log" ;;
              *) echo "kubectl stub: $*" >&2; exit 1 ;;
            esac
            """);
    }

    [TearDown]
    public void RemoveScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    [CancelAfter(120_000)]
    public async Task Three_shards_summaries_go_through_their_logs_to_one_merge()
    {
        var summaries = Enumerable.Range(1, Shards).Select(Summary).ToList();
        for (var index = 0; index < Shards; index++)
        {
            var (exit, log, errors) = await ShardAsync(index, summaries[index]);

            exit.ShouldBe(0, errors);
            log.ShouldContain($"shard.sh: shard {index + 1}/{Shards} of 30 stations against wss://csms.example/ocpp\n");
            log.ShouldNotContain("s3cret");
            log.ShouldContain($"DERSIM-SUMMARY-BEGIN shard={index + 1}/{Shards} bytes=");
            var flags = await File.ReadAllLinesAsync(Path.Combine(_scratch, $"flags-{index}"));
            string.Join(' ', flags).ShouldBe($"--ocpp_enable yes --ocpp_csms_url wss://operator:s3cret@csms.example/ocpp?k=v --stations 30 --shard {index + 1}/{Shards} --report_dir {Path.Combine(_scratch, $"reports-{index}")} --quiet --ocpp_version ocpp2.0.1j --run_for 5 --meter_interval 60");
        }

        var out_ = Path.Combine(_scratch, "collected");
        var (collectExit, collected, collectErrors) = await CollectAsync(out_);

        collectExit.ShouldBe(0, collectErrors + collected);
        collected.ShouldContain("shard 2/3: ");
        collected.ShouldContain("(from dersim-load-1-x7k2p)");
        var folders = Enumerable.Range(1, Shards).Select(k => Path.Combine(out_, $"shard-{k}")).ToList();
        for (var k = 0; k < Shards; k++)
        {
            (await File.ReadAllTextAsync(Path.Combine(folders[k], "summary.json"))).ShouldBe(LoadSummaryJson.Write(summaries[k]));
        }

        collected.ShouldContain("merge with: ./dersim load-merge ");
        var merged = Path.Combine(out_, "merged");
        var (mergeExit, mergeOut, mergeErrors) = await DersimProcess.RunAsync(["load-merge", .. folders, "--out", merged]);
        mergeExit.ShouldBe(0, mergeErrors);
        mergeOut.ShouldContain("shards            3 of 3 merged\n");
        (await File.ReadAllTextAsync(Path.Combine(merged, "summary.json"))).ShouldBe(LoadSummaryJson.Write(LoadSummaryMerge.Merge(summaries)));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_log_cut_inside_a_summary_is_named_and_the_other_shards_still_collected()
    {
        for (var index = 0; index < Shards; index++)
        {
            (await ShardAsync(index, Summary(index + 1))).Exit.ShouldBe(0);
        }

        // Shard 2's log loses a line of its summary, as a log rotated at the wrong moment would.
        var log = Path.Combine(_scratch, "logs", "shard-1.log");
        var lines = (await File.ReadAllLinesAsync(log)).ToList();
        lines.RemoveAt(lines.FindIndex(l => l.StartsWith("DERSIM-SUMMARY-BEGIN", StringComparison.Ordinal)) + 2);
        await File.WriteAllLinesAsync(log, lines);

        var out_ = Path.Combine(_scratch, "collected");
        var (exit, output, errors) = await CollectAsync(out_);

        exit.ShouldBe(1, output + errors);
        errors.ShouldContain("collect.sh: shard 2: the summary in the log of dersim-load-1-x7k2p is incomplete (log rotated or cut?)");
        errors.ShouldContain("collect.sh: no summary for shard 2 of 3");
        Directory.GetDirectories(out_).Select(Path.GetFileName).Order().ShouldBe(["shard-1", "shard-3"]);
    }

    private async Task<(int Exit, string Log, string Errors)> ShardAsync(int index, LoadSummary summary)
    {
        var summaryFile = Path.Combine(_scratch, $"summary-{index}.json");
        await File.WriteAllTextAsync(summaryFile, LoadSummaryJson.Write(summary));
        var (exit, log, errors) = await RunAsync("sh", [Path.Combine(RepoPaths.RepoRoot, "deploy", "k8s", "shard.sh")], new Dictionary<string, string>
        {
            ["JOB_COMPLETION_INDEX"] = $"{index}",
            ["SHARDS"] = $"{Shards}",
            ["CSMS_URL"] = "wss://operator:s3cret@csms.example/ocpp?k=v",
            ["STATIONS"] = "30",
            ["OCPP_VERSION"] = "ocpp2.0.1j",
            ["RUN_FOR_SECONDS"] = "5",
            ["EXTRA_ARGS"] = "--meter_interval 60",
            ["REPORT_DIR"] = Path.Combine(_scratch, $"reports-{index}"),
            ["STUB_FLAGS"] = Path.Combine(_scratch, $"flags-{index}"),
            ["STUB_SUMMARY"] = summaryFile,
        });
        Directory.CreateDirectory(Path.Combine(_scratch, "logs"));
        await File.WriteAllTextAsync(Path.Combine(_scratch, "logs", $"shard-{index}.log"), log);
        return (exit, log, errors);
    }

    private Task<(int Exit, string Stdout, string Stderr)> CollectAsync(string out_) =>
        RunAsync("bash", [Path.Combine(RepoPaths.RepoRoot, "deploy", "k8s", "collect.sh"), "--out", out_], new Dictionary<string, string>
        {
            ["STUB_SHARDS"] = $"{Shards}",
            ["STUB_LOGS"] = Path.Combine(_scratch, "logs"),
        });

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string program, string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _scratch };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["PATH"] = $"{Path.Combine(_scratch, "bin")}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        foreach (var inherited in new[] { "EVSE_PROFILE", "STATION_ID_PREFIX", "RAMP_UP", "OCPP_PASSWORD", "JOB_COMPLETION_INDEX" })
        {
            info.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private static void Stub(string path, string script)
    {
        File.WriteAllText(path, script.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Shard <paramref name="k"/>'s summary: ten stations, a second of traffic, its own latencies.</summary>
    private static LoadSummary Summary(int k)
    {
        var latency = new LatencyHistogram();
        for (var i = 0; i < 50; i++)
        {
            latency.RecordMicros((k * 1_000) + (i * 37));
        }

        return new LoadSummary
        {
            Run = new LoadRun
            {
                Target = "wss://csms.example/ocpp",
                OcppVersion = "2.0.1",
                Profile = "EVSE-AC-22kW-1port",
                Stations = 10,
                ShardIndex = k,
                ShardCount = Shards,
                StartedAt = Start.AddMilliseconds(k * 300),
                EndedAt = Start.AddSeconds(5),
            },
            Stations = new LoadStations { Requested = 10, Connected = 10, Booted = 10, PeakConnected = 10, AllBootedAfterSeconds = 1 },
            Frames = new LoadFrames { Sent = 100 * k, Received = 100 * k },
            Actions = [new LoadActionFigures { Action = "Heartbeat", CalledBy = "station", Calls = 50, Answered = 50, Latency = latency.Snapshot() }],
            Process = new LoadProcess { CpuSeconds = 0.5, PeakWorkingSetBytes = 80L << 20 },
            Timeline = [new LoadSample { AtSeconds = 1, Connected = 10, Booted = 10, FramesSent = 100 * k, FramesReceived = 100 * k, Latency = latency.Snapshot() }],
        };
    }
}
