using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using DerSim.Harness.Reporting;
using DerSim.Ocpp.Tests.Validation;

namespace DerSim.Harness.Tests.Deploy;

/// <summary>
/// deploy/k8s checked offline (there is no cluster and no Docker here): the manifests against the Kubernetes OpenAPI
/// schema (npm kubernetes-models, through tools/k8s-check), the Dockerfile through a Dockerfile linter, the Indexed
/// Job's shape (one pod per shard, the shard count in one place, resources for 10,000 stations), what the image copies,
/// and kubectl's own offline build of the kustomization when kubectl is installed.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class KubernetesManifestTests
{
    private static readonly string Deploy = Path.Combine(RepoPaths.RepoRoot, "deploy", "k8s");

    [Test]
    public async Task The_manifests_pass_the_kubernetes_schema_and_the_dockerfile_the_linter()
    {
        using var check = await CheckAsync();
        var root = check.RootElement;

        var manifests = root.GetProperty("manifests").EnumerateArray().ToList();
        manifests.Select(m => $"{m.GetProperty("kind").GetString()}/{m.GetProperty("name").GetString()}").ShouldBe(["ConfigMap/dersim-load", "Job/dersim-load"]);
        foreach (var manifest in manifests)
        {
            manifest.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ShouldBeEmpty(manifest.GetProperty("file").GetString());
        }

        var dockerfile = root.GetProperty("dockerfiles").EnumerateArray().ShouldHaveSingleItem();
        dockerfile.GetProperty("problems").EnumerateArray().Select(p => $"line {p.GetProperty("line")}: {p.GetProperty("message").GetString()}").ShouldBeEmpty();
    }

    [Test]
    public async Task The_job_runs_one_pod_per_shard_with_the_shard_count_in_step_and_room_for_10000_stations()
    {
        using var check = await CheckAsync();
        var manifests = check.RootElement.GetProperty("manifests").EnumerateArray().ToDictionary(m => m.GetProperty("kind").GetString()!, m => m.GetProperty("object"));
        var job = manifests["Job"];
        var config = manifests["ConfigMap"];

        var spec = job.GetProperty("spec");
        spec.GetProperty("completionMode").GetString().ShouldBe("Indexed");
        var completions = spec.GetProperty("completions").GetInt32();
        spec.GetProperty("parallelism").GetInt32().ShouldBe(completions, "every shard at once");
        var pod = spec.GetProperty("template").GetProperty("spec");
        pod.GetProperty("restartPolicy").GetString().ShouldBe("Never");
        var container = pod.GetProperty("containers").EnumerateArray().ShouldHaveSingleItem();
        container.GetProperty("command").EnumerateArray().Select(c => c.GetString()).ShouldBe(["/app/shard.sh"]);
        var env = container.GetProperty("env").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e);
        env["SHARDS"].GetProperty("value").GetString().ShouldBe(completions.ToString(System.Globalization.CultureInfo.InvariantCulture), "SHARDS must equal completions");
        env.ShouldNotContainKey("JOB_COMPLETION_INDEX", "the Job controller sets it on every pod of an Indexed Job");
        container.GetProperty("envFrom").EnumerateArray().Single().GetProperty("configMapRef").GetProperty("name").GetString()
            .ShouldBe(config.GetProperty("metadata").GetProperty("name").GetString());

        // Every variable shard.sh insists on comes from the Job or the ConfigMap.
        var given = env.Keys.Concat(config.GetProperty("data").EnumerateObject().Select(p => p.Name)).ToHashSet();
        var required = RequiredVariable().Matches(await File.ReadAllTextAsync(Path.Combine(Deploy, "shard.sh"))).Select(m => m.Groups[1].Value).ToList();
        required.ShouldBe(["JOB_COMPLETION_INDEX", "SHARDS", "CSMS_URL", "STATIONS"]);
        required.Skip(1).ShouldAllBe(v => given.Contains(v));

        var url = config.GetProperty("data").GetProperty("CSMS_URL").GetString()!;
        new Uri(url).UserInfo.ShouldBeEmpty("no credentials in the ConfigMap: the password is the Secret's");
        var stations = int.Parse(config.GetProperty("data").GetProperty("STATIONS").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        (stations / completions).ShouldBe(10_000, "sized for 10,000 stations a pod");

        // The memory limit holds 10,000 stations at the 50 KB target on a 100 MiB baseline, with room to spare.
        var resources = container.GetProperty("resources");
        var limit = Bytes(resources.GetProperty("limits").GetProperty("memory").GetString()!);
        var request = Bytes(resources.GetProperty("requests").GetProperty("memory").GetString()!);
        request.ShouldBeGreaterThanOrEqualTo((10_000L * 50 * 1024) + (100L << 20));
        limit.ShouldBeGreaterThan(request);
        resources.GetProperty("requests").TryGetProperty("cpu", out _).ShouldBeTrue();
    }

    [Test]
    public async Task The_image_is_built_on_the_dotnet_10_images_from_files_that_exist()
    {
        var lines = (await File.ReadAllLinesAsync(Path.Combine(Deploy, "Dockerfile"))).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1])
            .ShouldBe(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"]);
        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal)))
        {
            var sources = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).SkipLast(1);
            foreach (var source in sources)
            {
                Path.Exists(Path.Combine(RepoPaths.RepoRoot, source)).ShouldBeTrue($"{copy}: {source} is not in the repository");
            }
        }

        lines.ShouldContain("ENTRYPOINT [\"/app/shard.sh\"]");
        lines.ShouldContain(l => l.StartsWith("RUN dotnet publish src/DerSim.Sim/DerSim.Sim.csproj", StringComparison.Ordinal));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Kubectl_builds_the_kustomization_offline()
    {
        if (ReportRenderer.FindOnPath("kubectl") is not { } kubectl)
        {
            Assert.Ignore("kubectl is not installed: apt-get install kubernetes-client (.ci/run does when apt has it)");
            return;
        }

        // `kubectl create --dry-run=client` asks the API server how to map kinds, so without a cluster it cannot run;
        // `kubectl kustomize` reads, parses and assembles every resource with no server at all.
        var (exit, output, errors) = await RunAsync(kubectl, "kustomize", Deploy);

        exit.ShouldBe(0, errors);
        output.ShouldContain("kind: Job");
        output.ShouldContain("completionMode: Indexed");
        output.ShouldContain("kind: ConfigMap");
        output.ShouldContain("image: dersim-sim:dev");
    }

    /// <summary>tools/k8s-check's verdict on deploy/k8s as JSON.</summary>
    internal static async Task<JsonDocument> CheckAsync()
    {
        var node = ReportRenderer.FindOnPath("node");
        node.ShouldNotBeNull("node is not installed (.ci/run installs it)");
        Directory.Exists(Path.Combine(RepoPaths.RepoRoot, "node_modules", "kubernetes-models")).ShouldBeTrue("npm kubernetes-models is missing: run `npm ci` in the repository root (.ci/run does)");
        var (exit, output, errors) = await RunAsync(node, Path.Combine(RepoPaths.RepoRoot, "tools", "k8s-check", "check.js"), Deploy);
        exit.ShouldBe(0, errors);
        return JsonDocument.Parse(output);
    }

    internal static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoPaths.RepoRoot };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private static long Bytes(string quantity)
    {
        var match = Regex.Match(quantity, @"^(\d+)(Ki|Mi|Gi)?$");
        match.Success.ShouldBeTrue($"{quantity}: a quantity this test reads (a number with Ki, Mi or Gi)");
        var shift = match.Groups[2].Value switch { "Ki" => 10, "Mi" => 20, "Gi" => 30, _ => 0 };
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) << shift;
    }

    [GeneratedRegex(@"\$\{([A-Z_]+):\?")]
    private static partial Regex RequiredVariable();
}
