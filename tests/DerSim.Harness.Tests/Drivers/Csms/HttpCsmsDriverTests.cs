using System.Text.Json;
using DerSim.Harness.Configuration;
using DerSim.Harness.Configuration.Loading;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Simulator;
using DerSim.Harness.Tests.StrictCsms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// The Http driver against a CSMS API double on loopback that makes the reference CSMS send the CALL each request
/// asks for (a station really answers it over a WebSocket): shared headers, per-version templates, case filters and
/// the success check on the answer's body.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class HttpCsmsDriverTests
{
    private const string Profile = "EVSE-AC-22kW-1port";
    private const string Accepted = """{"status":"Accepted"}""";

    [TestCase("1.6", "Reset", "/api/octt/1.6/CS-OCTT-16/reset")]
    [TestCase("2.0.1", "RemoteStart", "/api/octt/2.0.1/CS-OCTT-201/request-start-transaction")]
    public async Task The_octt_config_posts_the_ocpp_payload_to_the_per_action_trigger_endpoint(string versionText, string kind, string path)
    {
        var version = Version(versionText);
        var id = path.Split('/')[4];
        await using var rig = await SimulatorRig.StartAsync(version, Profile, id);
        await using var api = await HttpApiDouble.StartAsync(Forwarding(rig));
        var root = StrictCsmsProcess.RepoRoot();
        var settings = DerSimConfig.Load(Path.Combine(root, "reqnroll.json"), Path.Combine(root, "drivers", "octt.json"));
        using var driver = new HttpCsmsDriver(settings.Http, api.BaseUrl, rig.Recorder, TimeSpan.FromSeconds(10));
        CsmsCommand command = kind == "Reset" ? new ResetCommand(id, version, "Hard") : new RemoteStartCommand(id, version, 1, "DERSIM-TAG-1");

        var exchange = await driver.PerformAsync(command);

        var request = api.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe(path);
        JsonSerializer.Serialize(JsonDocument.Parse(request.Body).RootElement).ShouldBe(command.Payload().GetRawText());
        exchange.Call.Action.ShouldBe(command.OcppAction);
    }

    [Test]
    public async Task Shared_headers_go_with_every_action_an_action_header_replaces_one_and_no_value_is_printed()
    {
        const string id = "CS-HEADERS-1";
        const string secret = "s3cr3t-token-value";
        await using var rig = await SimulatorRig.StartAsync(OcppVersion.V16, Profile, id);
        var refuse = false;
        await using var api = await HttpApiDouble.StartAsync(async r => refuse ? (500, """{"error":"down"}""") : await Forwarding(rig)(r));
        var settings = new HttpCsmsSettings
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer ${DERSIM_TEST_TOKEN}", ["X-Tenant"] = "shared", ["X-Station"] = "{stationId}" },
            Actions = new Dictionary<string, HttpActionTemplate?>
            {
                ["TriggerMessage"] = new() { Url = "/trigger/TriggerMessage", Body = "{payload}", Headers = new Dictionary<string, string> { ["x-tenant"] = "trigger-only" } },
                ["ClearChargingProfile"] = new() { Url = "/clear/ClearChargingProfile", Body = "{payload}" },
            },
        };
        using var driver = new HttpCsmsDriver(settings, api.BaseUrl, rig.Recorder, TimeSpan.FromSeconds(10), name => name == "DERSIM_TEST_TOKEN" ? secret : null);

        await driver.PerformAsync(new TriggerMessageCommand(id, OcppVersion.V16, "Heartbeat"));
        await driver.PerformAsync(new ClearChargingProfileCommand(id, OcppVersion.V16));
        refuse = true;
        var error = await Should.ThrowAsync<TrafficAssertionException>(() => driver.PerformAsync(new TriggerMessageCommand(id, OcppVersion.V16, "Heartbeat")));

        api.Requests.Count.ShouldBe(3);
        api.Requests.ShouldAllBe(r => r.Headers["Authorization"] == "Bearer " + secret && r.Headers["X-Station"] == id);
        api.Requests[0].Headers["X-Tenant"].ShouldBe("trigger-only");
        api.Requests[1].Headers["X-Tenant"].ShouldBe("shared");
        error.Message.ShouldContain("500");
        error.Message.ShouldNotContain(secret);
        error.ToString().ShouldNotContain(secret);
    }

    [TestCase("1.6", "/v16/Reset", "Hard")]
    [TestCase("2.0.1", "/v2/Reset", "Immediate")]
    public async Task A_version_entry_replaces_the_keys_it_sets_for_that_version(string versionText, string path, string type)
    {
        var version = Version(versionText);
        var id = $"CS-VERSIONS-{versionText}";
        await using var rig = await SimulatorRig.StartAsync(version, Profile, id);
        await using var api = await HttpApiDouble.StartAsync(Forwarding(rig));
        var reset = new HttpActionTemplate
        {
            Url = "/v2/{ocppAction}",
            Body = """{"type":"{resetType}"}""",
            Versions = new Dictionary<string, HttpActionTemplate?> { ["ocpp1.6j"] = new() { Url = "/v16/{ocppAction}" }, ["2.1"] = null },
        };
        var settings = new HttpCsmsSettings { Actions = new Dictionary<string, HttpActionTemplate?> { ["Reset"] = reset } };
        using var driver = new HttpCsmsDriver(settings, api.BaseUrl, rig.Recorder, TimeSpan.FromSeconds(10));

        await driver.PerformAsync(new ResetCommand(id, version, "Hard"));

        var request = api.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe(path);
        request.Body.ShouldBe($$"""{"type":"{{type}}"}""");
        driver.CanPerform(new ResetCommand(id, OcppVersion.V21, "Hard")).ShouldBeFalse();
        await Should.ThrowAsync<CsmsActionNotApplicableException>(() => driver.PerformAsync(new ResetCommand(id, OcppVersion.V21, "Hard")));
    }

    [Test]
    public async Task An_API_that_does_not_answer_in_time_makes_the_scenario_inconclusive_naming_action_and_url()
    {
        const string id = "CS-SLOW-API-1";
        await using var rig = await SimulatorRig.StartAsync(OcppVersion.V201, Profile, id);
        await using var api = await HttpApiDouble.StartAsync(async _ =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            return (200, Accepted);
        });
        var settings = new HttpCsmsSettings
        {
            TimeoutSeconds = 1,
            Actions = new Dictionary<string, HttpActionTemplate?> { ["Reset"] = new() { Url = "/reset/{stationId}", Body = "{payload}" } },
        };
        using var driver = new HttpCsmsDriver(settings, api.BaseUrl, rig.Recorder, TimeSpan.FromSeconds(10));

        var error = await Should.ThrowAsync<DerSim.Gherkin.Glue.ScenarioInconclusiveException>(() => driver.PerformAsync(new ResetCommand(id, OcppVersion.V201, "Hard")));

        error.Message.ShouldContain("the CSMS API did not answer Reset");
        error.Message.ShouldContain($"/reset/{id}");
        error.Message.ShouldContain("within 1 s (dersim.http.timeoutSeconds)");
    }

    [Test]
    public async Task Case_filters_rewrite_a_placeholder_in_the_url()
    {
        const string id = "CS-FILTERS-1";
        await using var rig = await SimulatorRig.StartAsync(OcppVersion.V201, Profile, id);
        await using var api = await HttpApiDouble.StartAsync(Forwarding(rig));
        var template = new HttpActionTemplate
        {
            Url = "/{ocppAction:camel}/{ocppAction:kebab}/{ocppAction:snake}/{ocppAction:lower}/{ocppAction:upper}/{ocppAction:pascal}",
            Body = "{payload}",
        };
        var settings = new HttpCsmsSettings { Actions = new Dictionary<string, HttpActionTemplate?> { ["TriggerMessage"] = template } };
        using var driver = new HttpCsmsDriver(settings, api.BaseUrl, rig.Recorder, TimeSpan.FromSeconds(10));

        await driver.PerformAsync(new TriggerMessageCommand(id, OcppVersion.V201, "Heartbeat"));

        api.Requests.ShouldHaveSingleItem().Path.ShouldBe("/triggerMessage/trigger-message/trigger_message/triggermessage/TRIGGERMESSAGE/TriggerMessage");
    }

    [Test]
    public void An_unknown_filter_is_a_config_error_naming_the_template()
    {
        var settings = new HttpCsmsSettings { Actions = new Dictionary<string, HttpActionTemplate?> { ["Reset"] = new() { Url = "/{ocppAction:camle}" } } };
        using var driver = new HttpCsmsDriver(settings, "http://127.0.0.1:1", new TrafficRecorder(), TimeSpan.FromSeconds(1));
        var command = new ResetCommand("CS-1", OcppVersion.V16, "Soft");

        var error = Should.Throw<DerSimConfigException>(() => driver.Build(settings.Actions["Reset"]!, HttpPlaceholders.For(command), settings.Source("Reset")));

        error.Message.ShouldContain("dersim.http.actions.Reset.url");
        error.Message.ShouldContain("'camle'");
    }

    [Test]
    public async Task The_success_check_passes_on_the_configured_value()
    {
        const string id = "CS-SUCCESS-1";
        await using var rig = await SimulatorRig.StartAsync(OcppVersion.V16, Profile, id);
        await using var api = await HttpApiDouble.StartAsync(Forwarding(rig, """{"result":[{"status":"Accepted"}]}"""));
        using var driver = new HttpCsmsDriver(Checked("$.result[0].status"), api.BaseUrl, rig.Recorder, TimeSpan.FromSeconds(10));

        var exchange = await driver.PerformAsync(new TriggerMessageCommand(id, OcppVersion.V16, "Heartbeat"));

        exchange.Call.Action.ShouldBe("TriggerMessage");
    }

    [Test]
    public async Task A_failed_success_check_names_the_action_and_url_and_quotes_the_body()
    {
        const string id = "CS-SUCCESS-2";
        await using var rig = await SimulatorRig.StartAsync(OcppVersion.V16, Profile, id);
        const string answer = """{"status":"Rejected","reason":"station CS-SUCCESS-2 is not registered"}""";
        await using var api = await HttpApiDouble.StartAsync(_ => Task.FromResult((200, answer)));
        using var driver = new HttpCsmsDriver(Checked("$.status"), api.BaseUrl, rig.Recorder, TimeSpan.FromSeconds(10));

        var error = await Should.ThrowAsync<TrafficAssertionException>(() => driver.PerformAsync(new TriggerMessageCommand(id, OcppVersion.V16, "Heartbeat")));

        error.Message.ShouldContain("TriggerMessage");
        error.Message.ShouldContain($"{api.BaseUrl}/trigger/{id}");
        error.Message.ShouldContain("""$.status is "Rejected", expected "Accepted" """.TrimEnd());
        error.Message.ShouldContain(answer);
        rig.Recorder.Query().Station(id).Received().Calls().Action("TriggerMessage").Count.ShouldBe(0);
    }

    private static HttpCsmsSettings Checked(string path) => new()
    {
        Actions = new Dictionary<string, HttpActionTemplate?>
        {
            ["TriggerMessage"] = new() { Url = "/trigger/{stationId}/{ocppAction}", Body = "{payload}", SuccessJsonPath = path, SuccessValue = "Accepted" },
        },
    };

    /// <summary>An API that makes the reference CSMS send the request's body as the CALL its last path segment names.</summary>
    internal static Func<HttpApiRequest, Task<(int Status, string Body)>> Forwarding(SimulatorRig rig, string answer = Accepted) => async request =>
    {
        var action = PlaceholderCase.Apply("pascal", request.Path.Split('/')[^1]);
        using var payload = JsonDocument.Parse(request.Body);
        await rig.Csms.Embedded!.CallRawAsync(rig.Station.Id, action, payload.RootElement.Clone());
        return (200, answer);
    };

    internal static OcppVersion Version(string text) => OcppVersions.TryParse(text, out var version) ? version.Value : throw new ArgumentException(text);
}
