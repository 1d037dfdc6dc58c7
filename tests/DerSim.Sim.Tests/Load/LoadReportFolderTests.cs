using DerSim.Sim.Load;

namespace DerSim.Sim.Tests.Load;

/// <summary><see cref="LoadReportFolder.Write"/>: both files whole, the URL without secrets, no temporary file left, failures naming the path.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class LoadReportFolderTests
{
    [Test]
    public void A_new_folder_gets_the_summary_and_the_page_and_nothing_else()
    {
        using var scratch = new Scratch();
        var folder = Path.Combine(scratch.Path, "reports", "load", LoadReportFolder.Name(LoadSummaryExamples.Start));

        LoadReportFolder.Write(LoadSummaryExamples.OneMinute(), folder);

        folder.ShouldEndWith("20261207T080000Z");
        Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(["index.html", "summary.json"]);
        Directory.GetFileSystemEntries(Path.GetDirectoryName(folder)!).Length.ShouldBe(1, "no staging folder is left beside it");
        var json = File.ReadAllText(Path.Combine(folder, "summary.json"));
        json.ShouldNotContain("s3cret");
        json.ShouldNotContain("abc123");
        var read = LoadSummaryJson.Read(json);
        read.Run.Target.ShouldBe("wss://csms.example.com:8443/ocpp");
        LoadSummaryJson.Write(read).ShouldBe(json);
        File.ReadAllText(Path.Combine(folder, "index.html")).ShouldBe(LoadReportHtml.Write(read));
    }

    [Test]
    public void An_existing_folder_has_both_files_replaced_and_keeps_its_other_files()
    {
        using var scratch = new Scratch();
        File.WriteAllText(Path.Combine(scratch.Path, "summary.json"), "old");
        File.WriteAllText(Path.Combine(scratch.Path, "runner.log"), "kept");

        LoadReportFolder.Write(LoadSummaryExamples.OneMinute(), scratch.Path);

        Directory.GetFiles(scratch.Path).Select(Path.GetFileName).Order().ShouldBe(["index.html", "runner.log", "summary.json"]);
        File.ReadAllText(Path.Combine(scratch.Path, "summary.json")).ShouldStartWith("{");
        File.ReadAllText(Path.Combine(scratch.Path, "runner.log")).ShouldBe("kept");
    }

    [Test]
    public void The_page_alone_goes_beside_a_summary_the_runner_wrote()
    {
        using var scratch = new Scratch();
        File.WriteAllText(Path.Combine(scratch.Path, "summary.json"), "the runner's");

        var written = new LoadReportHtmlPage().Write(LoadSummaryExamples.OneMinute(), scratch.Path);

        written.ShouldBe(Path.Combine(scratch.Path, "index.html"));
        Directory.GetFiles(scratch.Path).Select(Path.GetFileName).Order().ShouldBe(["index.html", "summary.json"]);
        File.ReadAllText(written).ShouldBe(LoadReportHtml.Write(LoadSummaryExamples.OneMinute()));
        File.ReadAllText(written).ShouldNotContain("s3cret");
    }

    [Test]
    public void A_folder_that_cannot_be_made_throws_naming_the_path_and_leaves_nothing()
    {
        using var scratch = new Scratch();
        var blocker = Path.Combine(scratch.Path, "a-file");
        File.WriteAllText(blocker, "");

        var error = Should.Throw<IOException>(() => LoadReportFolder.Write(LoadSummaryExamples.OneMinute(), Path.Combine(blocker, "load", "run")));

        error.Message.ShouldContain(blocker);
        Directory.GetFileSystemEntries(scratch.Path).ShouldBe([blocker]);
    }

    private sealed class Scratch : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("dersim-load-report-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
