using DerSim.Harness.Configuration.Loading;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Tests.StrictCsms;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Configuration;

/// <summary>The file DERSIM_CONFIG names is merged over reqnroll.json's dersim section; errors name the file that has the value.</summary>
public sealed class DerSimConfigOverlayTests
{
    private const string Base = """
        {
          "language": { "feature": "en-US" },
          "dersim": {
            "callTimeoutSeconds": 15,
            "http": {
              "baseUrl": "http://base.example",
              "headers": { "X-Base": "1", "X-Both": "base" },
              "actions": { "Reset": { "url": "/reset/{stationId}", "body": "{\"type\":\"{resetType}\"}" } }
            }
          }
        }
        """;

    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("dersim-overlay-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Objects_merge_key_by_key_and_the_overlay_wins()
    {
        var overlay = Write("overlay.json", """
            { "dersim": { "ocppVersion": "1.6", "http": {
                "headers": { "X-Both": "overlay" },
                "actions": { "Reset": { "successJsonPath": "$.status", "successValue": "Accepted" }, "TriggerMessage": { "url": "/t" } } } } }
            """);

        var settings = DerSimConfig.Load(Write("reqnroll.json", Base), overlay);

        settings.CallTimeoutSeconds.ShouldBe(15);
        settings.OcppVersion.ShouldBe("1.6");
        settings.Http.BaseUrl.ShouldBe("http://base.example");
        settings.Http.Headers.ShouldBe(new Dictionary<string, string> { ["X-Base"] = "1", ["X-Both"] = "overlay" }, ignoreOrder: true);
        var reset = settings.Http.Actions["Reset"].ShouldNotBeNull();
        (reset.Url, reset.Body, reset.SuccessJsonPath, reset.SuccessValue).ShouldBe(("/reset/{stationId}", "{\"type\":\"{resetType}\"}", "$.status", "Accepted"));
        settings.Http.Actions.Keys.ShouldBe(["Reset", "TriggerMessage"], ignoreOrder: true);
    }

    [Test]
    public void An_overlay_adds_a_default_action_and_a_null_entry_opts_an_action_out()
    {
        var overlay = Write("overlay.json", """
            { "dersim": { "http": {
                "defaultAction": { "url": "/any/{stationId}/{ocppAction:kebab}", "body": "{payload}" },
                "actions": { "Reset": null, "TriggerMessage": { "method": "PUT" } } } } }
            """);

        var http = DerSimConfig.Load(Write("reqnroll.json", Base), overlay).Http;

        http.Template("Reset", OcppVersion.V16).ShouldBeNull();
        http.Template("TriggerMessage", OcppVersion.V16).ShouldNotBeNull().ShouldSatisfyAllConditions(
            t => t.Method.ShouldBe("PUT"), t => t.Url.ShouldBe("/any/{stationId}/{ocppAction:kebab}"), t => t.Body.ShouldBe("{payload}"));
        http.Template("RemoteStart", OcppVersion.V201).ShouldNotBeNull().Url.ShouldBe("/any/{stationId}/{ocppAction:kebab}");
    }

    [Test]
    public void A_placeholder_no_action_has_in_the_default_names_the_default()
    {
        var overlay = Write("overlay.json", """{ "dersim": { "http": { "defaultAction": { "url": "/any/{statoinId}" } } } }""");

        var error = Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(Write("reqnroll.json", Base), overlay));

        error.Message.ShouldBe($"{overlay} at $.dersim.http.defaultAction.url: {{statoinId}} is not a placeholder of any action (./dersim drivers --actions lists them)");
    }

    [Test]
    public void An_entry_without_a_url_needs_a_default_with_one()
    {
        var without = Write("without.json", """{ "dersim": { "http": { "actions": { "TriggerMessage": { "method": "PUT" } } } } }""");
        var with = Write("with.json", """{ "dersim": { "http": { "defaultAction": { "url": "/x" }, "actions": { "TriggerMessage": { "method": "PUT" } } } } }""");

        Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(Write("reqnroll.json", Base), without)).Message.ShouldContain("$.dersim.http.actions.TriggerMessage.url: expected the URL");
        DerSimConfig.Load(Write("reqnroll.json", Base), with).Http.Template("TriggerMessage", OcppVersion.V16).ShouldNotBeNull().Url.ShouldBe("/x");
    }

    [Test]
    public void An_unknown_key_in_the_overlay_names_the_overlay_and_path()
    {
        var reqnroll = Write("reqnroll.json", Base);
        var overlay = Write("overlay.json", """{ "dersim": { "http": { "actionz": {} } } }""");

        var error = Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(reqnroll, overlay));

        error.Message.ShouldStartWith(overlay);
        error.Message.ShouldContain("$.dersim.http.actionz");
    }

    [Test]
    public void A_bad_merged_value_names_the_file_it_came_from()
    {
        var reqnroll = Write("reqnroll.json", Base);
        var overlay = Write("overlay.json", """{ "dersim": { "http": { "actions": { "Reset": { "url": "/reset/{statoinId}" } } } } }""");

        var fromOverlay = Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(reqnroll, overlay));
        fromOverlay.Message.ShouldStartWith($"{overlay} at $.dersim.http.actions.Reset.url: {{statoinId}} is not a placeholder of Reset");

        var harmless = Write("harmless.json", """{ "dersim": { "http": { "actions": { "Reset": { "body": "{\"type\":\"{resetType:camle}\"}" } } } } }""");
        Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(reqnroll, harmless)).Message
            .ShouldBe($"{harmless} at $.dersim.http.actions.Reset.body: unknown filter 'camle' in {{resetType:camle}}; expected one of camel, pascal, kebab, snake, lower, upper");
    }

    [TestCase("""{ "dersim": { "http": { "actions": { "RemoteStartTransaction": { "url": "/x" } } } } }""", "$.dersim.http.actions.RemoteStartTransaction", "not an action DerSim knows")]
    [TestCase("""{ "dersim": { "http": { "actions": { "Reset": { "url": "/x", "versions": { "1.7": {} } } } } } }""", "$.dersim.http.actions.Reset.versions['1.7']", "not an OCPP version")]
    [TestCase("""{ "dersim": { "http": { "actions": { "Reset": { "url": "/x", "versions": { "1.6": {}, "ocpp1.6j": {} } } } } } }""", "$.dersim.http.actions.Reset.versions['ocpp1.6j']", "names the same version as '1.6'")]
    [TestCase("""{ "dersim": { "http": { "actions": { "Reset": { "url": "/x", "successJsonPath": "status" } } } } }""", "$.dersim.http.actions.Reset.successJsonPath", "not a JSON path")]
    [TestCase("""{ "dersim": { "http": { "actions": { "Reset": { "body": "{}" } } } } }""", "$.dersim.http.actions.Reset.url", "expected the URL")]
    [TestCase("""{ "dersim": { "http": { "headers": { "X-Key": "{apiKey}" } } } }""", "$.dersim.http.headers['X-Key']", "{apiKey} is not a placeholder")]
    public void A_wrong_http_value_is_an_error_naming_its_json_path(string json, string path, string problem)
    {
        var file = Write("reqnroll.json", json);

        var error = Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(file));

        error.Message.ShouldStartWith($"{file} at {path}: ");
        error.Message.ShouldContain(problem);
    }

    [Test]
    public void A_missing_overlay_or_one_without_a_dersim_section_is_an_error_naming_it()
    {
        var reqnroll = Write("reqnroll.json", Base);
        var missing = Path.Combine(_dir, "nope.json");
        Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(reqnroll, missing)).Message.ShouldBe($"{missing} (DERSIM_CONFIG): no such file");

        var empty = Write("empty.json", """{ "http": {} }""");
        Should.Throw<DerSimConfigException>(() => DerSimConfig.Load(reqnroll, empty)).Message.ShouldContain($"{empty} (DERSIM_CONFIG): expected a \"dersim\" section at $.dersim");
    }

    [TestCase("octt.json")]
    [TestCase("strict-csms.json")]
    public void The_ready_configs_load_over_the_repository_reqnroll_json(string name)
    {
        var root = StrictCsmsProcess.RepoRoot();

        var settings = DerSimConfig.Load(Path.Combine(root, "reqnroll.json"), Path.Combine(root, "drivers", name));

        settings.CallTimeoutSeconds.ShouldBe(DerSimConfig.Load(Path.Combine(root, "reqnroll.json")).CallTimeoutSeconds);
        settings.Http.HasActions.ShouldBeTrue();
        if (name == "octt.json")
        {
            // Every action the driver knows, on every version that has it, to the trigger endpoint with the OCPP payload as body.
            foreach (var entry in CsmsActionCatalogue.Entries)
            {
                foreach (var version in OcppVersions.All.Where(v => entry.OcppActions[v] is not null))
                {
                    var template = settings.Http.Template(entry.Name, version).ShouldNotBeNull($"{entry.Name} on {version.DisplayName()}");
                    (template.Method, template.Url, template.Body).ShouldBe(("POST", "/api/octt/{ocppVersion}/{stationId}/{ocppAction:kebab}", "{payload}"));
                }
            }
        }
    }

    [Test]
    public void The_worked_example_of_the_http_driver_page_loads()
    {
        var root = StrictCsmsProcess.RepoRoot();
        var page = File.ReadAllText(Path.Combine(root, "docs", "http-driver.md")).ReplaceLineEndings("\n");
        var example = page.Split("Write `drivers/acme.json`:\n\n```json\n", 2)[1].Split("\n```", 2)[0];

        var settings = DerSimConfig.Load(Path.Combine(root, "reqnroll.json"), Write("acme.json", example));

        settings.Http.Headers.ShouldContainKey("X-Api-Key");
        settings.Http.Template("RemoteStart", OcppVersion.V16).ShouldNotBeNull().Body.ShouldBe("{\"connector\": {evseId}, \"token\": \"{idTag}\"}");
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, json);
        return path;
    }
}
