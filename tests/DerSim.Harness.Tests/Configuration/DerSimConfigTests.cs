using DerSim.Harness.Configuration;
using DerSim.Harness.Configuration.Loading;

namespace DerSim.Harness.Tests.Configuration;

public sealed class DerSimConfigTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("dersim-config-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Missing_file_gives_the_defaults_and_the_embedded_csms()
    {
        var settings = DerSimConfig.Load(Path.Combine(_dir, "reqnroll.json"));

        settings.ShouldBe(new DerSimSettings());
        settings.ResolveCsmsUrl(_ => null).ShouldBeNull();
    }

    [Test]
    public void The_repository_file_keeps_reqnroll_shape_and_loads()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DerSim.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var settings = DerSimConfig.Load(Path.Combine(root, "reqnroll.json"));

        settings.CsmsUrl.ShouldBe(DerSimSettings.Embedded);
        settings.OcppVersion.ShouldBe("2.0.1");
    }

    [Test]
    public void An_official_schema_folder_without_schemas_is_an_error_naming_the_file_path_and_folder()
    {
        var missing = Path.Combine(_dir, "no-schemas-here");
        var path = Write($$"""{ "dersim": { "officialSchemasDirectory": "{{missing.Replace("\\", "/", StringComparison.Ordinal)}}" } }""");

        var error = Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(path));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("$.dersim.officialSchemasDirectory");
        error.Message.ShouldContain("no-schemas-here");
    }

    [Test]
    public void An_official_schema_folder_with_a_version_folder_loads()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "schemas", "2.1"));
        var path = Write($$"""{ "dersim": { "officialSchemasDirectory": "{{Path.Combine(_dir, "schemas").Replace("\\", "/", StringComparison.Ordinal)}}" } }""");

        DerSimConfig.Load(path).OfficialSchemasDirectory.ShouldEndWith("schemas");
    }

    [Test]
    public void Url_from_the_file_is_overridden_by_the_environment()
    {
        var path = Write("""{ "language": { "feature": "en-US" }, "dersim": { "csmsUrl": "ws://file.example/ocpp" } }""");
        var settings = DerSimConfig.Load(path);

        settings.ResolveCsmsUrl(_ => null).ShouldBe(new Uri("ws://file.example/ocpp"));
        settings.ResolveCsmsUrl(name => name == "DERSIM_CSMS_URL" ? "wss://env.example/ocpp" : null).ShouldBe(new Uri("wss://env.example/ocpp"));
    }

    [Test]
    public void Unknown_key_names_the_file_and_json_path()
    {
        var path = Write("""{ "dersim": { "csmsUrll": "ws://x/ocpp" } }""");

        var error = Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(path));

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("$.dersim.csmsUrll");
    }

    [Test]
    public void Broken_json_names_the_file_and_line()
    {
        var path = Write("{\n  \"dersim\": {\n    \"csmsUrl\": ws\n  }\n}");

        var error = Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(path));

        error.Message.ShouldContain($"{path}:3:");
    }

    [Test]
    public void A_url_that_is_not_websocket_is_refused_with_its_source()
    {
        var settings = DerSimConfig.Load(Write("""{ "dersim": { "csmsUrl": "http://x/ocpp" } }"""));

        Should.Throw<DerSimConfigException>(() => settings.ResolveCsmsUrl(_ => null)).Message.ShouldContain("$.dersim.csmsUrl");
    }

    private string Write(string json)
    {
        var path = Path.Combine(_dir, "reqnroll.json");
        File.WriteAllText(path, json);
        return path;
    }
}
