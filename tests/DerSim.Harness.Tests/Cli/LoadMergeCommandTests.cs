using System.Diagnostics;
using DerSim.Csms;
using DerSim.Sim.Load;

namespace DerSim.Harness.Tests.Cli;

/// <summary>
/// <c>dersim load-merge</c> as a process on the report folders of four real <c>./sim --stations 12 --shard K/4</c>
/// processes run at once against the reference CSMS: the four shards boot the twelve stations once each between them,
/// and the merged folder is what <see cref="LoadSummaryMerge"/> makes of their summaries; bad input is one line naming
/// the file and the problem, exit 2 and no folder.
/// </summary>
[NonParallelizable]
public sealed class LoadMergeCommandTests
{
    private string _scratch = "";
    private List<string> _shardFolders = [];
    private List<LoadSummary> _shards = [];

    [OneTimeSetUp]
    public async Task RunFourShardProcesses()
    {
        _scratch = Directory.CreateTempSubdirectory("dersim-load-merge-").FullName;
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { HeartbeatIntervalSeconds = 300 });
        await csms.StartAsync();
        var runs = await Task.WhenAll(Enumerable.Range(1, 4).Select(k => RunShardAsync(csms.Url, k)));
        foreach (var (k, exit, stdout, stderr) in runs)
        {
            exit.ShouldBe(0, $"shard {k}/4\n{stdout}\n{stderr}");
        }

        // Each id in exactly one shard: the CSMS saw the twelve stations boot once each.
        var ids = Enumerable.Range(1, 12).Select(i => $"MERGE-{i:00000}").ToList();
        csms.Stations.Keys.Order().ShouldBe(ids);
        ids.ShouldAllBe(id => csms.Stations[id].BootCount == 1);
        _shardFolders = [.. Enumerable.Range(1, 4).Select(k => Directory.GetDirectories(Path.Combine(_scratch, $"shard-{k}")).ShouldHaveSingleItem())];
        _shardFolders.ShouldAllBe(f => Path.GetFileName(f).EndsWith($"-shard-{_shardFolders.IndexOf(f) + 1}-of-4", StringComparison.Ordinal));
        _shards = [.. _shardFolders.Select(f => LoadSummaryJson.Read(File.ReadAllText(Path.Combine(f, "summary.json"))))];
        _shards.ShouldAllBe(s => s.Run.Stations == 3);
    }

    /// <summary>Shard <paramref name="k"/> of 4 as its own process: the built <c>./sim</c>, its report under shard-K.</summary>
    private async Task<(int K, int Exit, string Stdout, string Stderr)> RunShardAsync(Uri csms, int k)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _scratch,
        };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "DerSim.Sim.dll"), "--ocpp_enable", "yes", "--ocpp_version", "ocpp2.0.1",
            "--ocpp_csms_url", csms.ToString(), "--ocpp_csid", "MERGE", "--evse_profile", "EVSE-AC-22kW-1port",
            "--stations", "12", "--shard", $"{k}/4", "--meter_interval", "1", "--ramp_up", "1000", "--run_for", "4",
            "--report_dir", Path.Combine(_scratch, $"shard-{k}"),
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(limit.Token);
        return (k, process.ExitCode, await stdout, await stderr);
    }

    [OneTimeTearDown]
    public void RemoveScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public async Task Four_shard_folders_merge_into_one_summary_and_page()
    {
        var output = Path.Combine(_scratch, "merged");
        // Folders and a file, in any order: each input is a report folder or its summary.json.
        string[] inputs = [_shardFolders[2], Path.Combine(_shardFolders[0], "summary.json"), _shardFolders[3], _shardFolders[1]];

        var (exit, stdout, stderr) = await DersimProcess.RunAsync(["load-merge", .. inputs, "--out", output]);

        await TestContext.Out.WriteLineAsync(stdout);
        exit.ShouldBe(0, $"{stdout}\n{stderr}");
        stderr.ShouldBeEmpty();
        Directory.GetFiles(output).Select(Path.GetFileName).Order().ShouldBe(["index.html", "summary.json"]);
        var expected = LoadSummaryJson.Write(LoadSummaryMerge.Merge(_shards));
        (await File.ReadAllTextAsync(Path.Combine(output, "summary.json"))).ShouldBe(expected);
        var merged = LoadSummaryJson.Read(expected);
        merged.Run.Stations.ShouldBe(12);
        var latency = LatencySnapshot.Merge(merged.Actions.Where(a => a.CalledBy == "station").Select(a => a.Latency));
        stdout.ShouldContain($"stations          requested 12, connected ");
        stdout.ShouldContain($"p99 {LoadFormat.Latency(latency.PercentileMicros(99))}");
        stdout.ShouldContain("shards            4 of 4 merged\n");
        stdout.TrimEnd().Split('\n')[^1].ShouldBe($"merged 4 summaries into {output}/ (summary.json, index.html)");
        (await File.ReadAllTextAsync(Path.Combine(output, "index.html"))).ShouldContain("4 of 4 merged");
    }

    [Test]
    public async Task Without_out_the_merge_goes_to_reports_load_merged_at_the_utc_time()
    {
        var root = Directory.CreateTempSubdirectory("dersim-load-merge-root-").FullName;
        try
        {
            var (exit, stdout, stderr) = await DersimProcess.RunInAsync(root, TimeSpan.FromSeconds(120), ["load-merge", .. _shardFolders]);

            exit.ShouldBe(0, $"{stdout}\n{stderr}");
            var folder = Directory.GetDirectories(Path.Combine(root, "reports", "load")).ShouldHaveSingleItem();
            Path.GetFileName(folder).ShouldMatch(@"^merged-\d{8}T\d{6}Z$");
            File.Exists(Path.Combine(folder, "index.html")).ShouldBeTrue();
            stdout.ShouldContain($"merged 4 summaries into {Path.Combine("reports", "load", Path.GetFileName(folder))}/");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task Three_of_four_shards_merge_with_a_note_naming_the_missing_one()
    {
        var output = Path.Combine(_scratch, "three");

        var (exit, stdout, stderr) = await DersimProcess.RunAsync("load-merge", _shardFolders[0], _shardFolders[1], _shardFolders[3], "--out", output);

        exit.ShouldBe(0, $"{stdout}\n{stderr}");
        stderr.ShouldBe("dersim load-merge: note: shard 3 of 4 not given; the merged figures cover 3 shards\n");
        stdout.ShouldContain("3 of 4 merged, missing 3");
    }

    [Test]
    public async Task Bad_input_is_one_line_naming_the_file_exit_2_and_nothing_written()
    {
        var bad = Path.Combine(_scratch, "bad");
        Directory.CreateDirectory(bad);
        var notSummary = Path.Combine(bad, "other.json");
        await File.WriteAllTextAsync(notSummary, """{"format":"dersim-conformance/1","versions":[]}""");
        var brokenFolder = Path.Combine(bad, "broken");
        Directory.CreateDirectory(brokenFolder);
        var shardJson = await File.ReadAllTextAsync(Path.Combine(_shardFolders[1], "summary.json"));
        await File.WriteAllTextAsync(Path.Combine(brokenFolder, "summary.json"), shardJson.Replace("\"calls\": ", "\"calls\": \"many\", \"was\": ", StringComparison.Ordinal));
        var otherRun = Path.Combine(bad, "of-five.json");
        await File.WriteAllTextAsync(otherRun, shardJson.Replace("\"shardCount\": 4", "\"shardCount\": 5", StringComparison.Ordinal));
        var empty = Path.Combine(bad, "empty");
        Directory.CreateDirectory(empty);
        var missing = Path.Combine(bad, "no-such-shard");
        var output = Path.Combine(_scratch, "never");

        (string[] Inputs, string Line)[] cases =
        [
            ([_shardFolders[0], missing], $"{missing}: no such file or folder"),
            ([_shardFolders[0], empty], $"{empty}: no summary.json in this folder"),
            ([_shardFolders[0], notSummary], $"{notSummary}: $.format: expected \"dersim-load-summary/1\", found \"dersim-conformance/1\""),
            ([brokenFolder, _shardFolders[0]], $"{Path.Combine(brokenFolder, "summary.json")}: line "),
            ([_shardFolders[0], _shardFolders[1], _shardFolders[0]], $"{Path.Combine(_shardFolders[0], "summary.json")}: shard 1/4 again, {Path.Combine(_shardFolders[0], "summary.json")} has it already: give each shard's summary once"),
            ([_shardFolders[0], otherRun], $"{otherRun}: a run split into 5 shards, but {Path.Combine(_shardFolders[0], "summary.json")} is of a run split into 4: merge the shards of one run"),
        ];
        foreach (var (inputs, line) in cases)
        {
            var (exit, stdout, stderr) = await DersimProcess.RunAsync(["load-merge", .. inputs, "--out", output]);

            exit.ShouldBe(2, $"{string.Join(' ', inputs)}\n{stdout}\n{stderr}");
            stderr.ShouldStartWith($"dersim load-merge: {line}");
            stderr.TrimEnd('\n').ShouldNotContain('\n');
            stdout.ShouldBeEmpty();
            Directory.Exists(output).ShouldBeFalse($"nothing is written when {line}");
        }

        // The broken field is named by its JSON path.
        var (_, _, brokenError) = await DersimProcess.RunAsync("load-merge", brokenFolder, "--out", output);
        brokenError.ShouldContain("$.summary.actions[0].calls");
    }

    [Test]
    public async Task The_merge_is_not_written_over_a_shards_own_summary()
    {
        var (exit, _, stderr) = await DersimProcess.RunAsync("load-merge", _shardFolders[0], _shardFolders[1], "--out", _shardFolders[1]);

        exit.ShouldBe(2);
        stderr.ShouldBe($"dersim load-merge: --out {_shardFolders[1]}: holds the input {Path.Combine(_shardFolders[1], "summary.json")}, which the merge would replace; write it elsewhere\n");
        LoadSummaryJson.Read(await File.ReadAllTextAsync(Path.Combine(_shardFolders[1], "summary.json"))).Run.ShardIndex.ShouldBe(2);
    }

    [Test]
    public async Task Help_names_the_inputs_and_the_output_folder()
    {
        var (exit, stdout, _) = await DersimProcess.RunAsync("load-merge", "--help");

        exit.ShouldBe(0);
        stdout.ShouldContain("DIR|FILE");
        stdout.ShouldContain("--out");
        stdout.ShouldContain("reports/load/merged-<UTC time>/");
        var (rootExit, root, _) = await DersimProcess.RunAsync("--help");
        rootExit.ShouldBe(0);
        root.ShouldContain("load-merge");
    }
}
