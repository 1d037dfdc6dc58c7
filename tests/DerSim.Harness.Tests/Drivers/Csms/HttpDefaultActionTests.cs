using System.Text.Json;
using DerSim.Harness.Configuration;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Tests.Drivers.Simulator;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// <c>dersim.http.defaultAction</c>: the template of every action without an entry, under the keys an entry sets; a
/// null entry opts an action out. Against the loopback API double, with a station really answering each CALL.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class HttpDefaultActionTests
{
    private const string Profile = "EVSE-AC-22kW-1port";

    private static readonly HttpCsmsSettings Settings = new()
    {
        DefaultAction = new()
        {
            Url = "/any/{ocppVersion}/{ocppAction:kebab}",
            Body = "{payload}",
            Headers = new Dictionary<string, string> { ["X-From"] = "default", ["X-Kept"] = "default" },
            Versions = new Dictionary<string, HttpActionTemplate?> { ["2.1"] = null },
        },
        Actions = new Dictionary<string, HttpActionTemplate?>
        {
            ["TriggerMessage"] = new() { Url = "/own/{ocppAction}", Headers = new Dictionary<string, string> { ["x-from"] = "own" } },
            ["Reset"] = null,
        },
    };

    [TestCase("1.6")]
    [TestCase("2.0.1")]
    public async Task An_action_without_an_entry_uses_the_default(string versionText)
    {
        var version = HttpCsmsDriverTests.Version(versionText);
        var id = $"CS-DEFAULT-{versionText}";
        await using var rig = await SimulatorRig.StartAsync(version, Profile, id);
        await using var api = await HttpApiDouble.StartAsync(HttpCsmsDriverTests.Forwarding(rig));
        using var driver = new HttpCsmsDriver(Settings, api.BaseUrl, rig.Recorder, TimeSpan.FromSeconds(10));
        var command = new ClearChargingProfileCommand(id, version);

        var exchange = await driver.PerformAsync(command);

        var request = api.Requests.ShouldHaveSingleItem();
        (request.Method, request.Path).ShouldBe(("POST", $"/any/{versionText}/clear-charging-profile"));
        JsonSerializer.Serialize(JsonDocument.Parse(request.Body).RootElement).ShouldBe(command.Payload().GetRawText());
        request.Headers["X-From"].ShouldBe("default");
        exchange.Call.Action.ShouldBe("ClearChargingProfile");
    }

    [Test]
    public async Task An_entry_replaces_only_the_keys_it_sets()
    {
        const string id = "CS-DEFAULT-OWN";
        await using var rig = await SimulatorRig.StartAsync(OcppVersion.V201, Profile, id);
        await using var api = await HttpApiDouble.StartAsync(HttpCsmsDriverTests.Forwarding(rig));
        using var driver = new HttpCsmsDriver(Settings, api.BaseUrl, rig.Recorder, TimeSpan.FromSeconds(10));
        var command = new TriggerMessageCommand(id, OcppVersion.V201, "Heartbeat");

        await driver.PerformAsync(command);

        var request = api.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/own/TriggerMessage");
        JsonSerializer.Serialize(JsonDocument.Parse(request.Body).RootElement).ShouldBe(command.Payload().GetRawText());
        (request.Headers["X-From"], request.Headers["X-Kept"]).ShouldBe(("own", "default"));
    }

    [Test]
    public async Task A_null_entry_is_not_applicable_even_with_a_default_and_sends_nothing()
    {
        await using var api = await HttpApiDouble.StartAsync(_ => Task.FromResult((200, "{}")));
        using var driver = new HttpCsmsDriver(Settings, api.BaseUrl, new(), TimeSpan.FromSeconds(1));
        var reset = new ResetCommand("CS-DEFAULT-NULL", OcppVersion.V16, "Hard");

        driver.CanPerform(reset).ShouldBeFalse();
        var error = await Should.ThrowAsync<CsmsActionNotApplicableException>(() => driver.PerformAsync(reset));

        error.Message.ShouldContain("dersim.http.actions.Reset");
        api.Requests.ShouldBeEmpty();
    }

    [Test]
    public void A_null_version_of_the_default_drops_only_the_default_on_that_version()
    {
        Settings.Template("ClearChargingProfile", OcppVersion.V21).ShouldBeNull();
        Settings.Template("TriggerMessage", OcppVersion.V21).ShouldNotBeNull().Url.ShouldBe("/own/{ocppAction}");
        Settings.Template("TriggerMessage", OcppVersion.V21)!.Body.ShouldBeNull();
        Settings.Source("ClearChargingProfile").ShouldBe("dersim.http.defaultAction");
        Settings.Source("TriggerMessage").ShouldBe("dersim.http.actions.TriggerMessage");
    }

    [Test]
    public void The_action_list_shows_the_template_that_serves_each_action_per_version()
    {
        var text = DerSim.Harness.Cli.DriversCommand.Text(Settings).ReplaceLineEndings("\n");

        Block(text, "ClearChargingProfile").ShouldContain("configured  1.6: defaultAction   2.0.1: defaultAction   2.1: -");
        Block(text, "TriggerMessage").ShouldContain("configured  1.6: actions.TriggerMessage   2.0.1: actions.TriggerMessage   2.1: actions.TriggerMessage");
        Block(text, "Reset").ShouldContain("configured  1.6: -   2.0.1: -   2.1: -");
        Block(text, "GetConfiguration").ShouldContain("configured  1.6: defaultAction   2.0.1: -   2.1: -");
        DerSim.Harness.Cli.DriversCommand.Text().ShouldNotContain("configured ");
    }

    private static string Block(string text, string action) => text.Split($"\n{action}\n", 2)[1].Split("\n\n", 2)[0];

    [Test]
    public void An_action_lacking_a_placeholder_of_the_default_is_not_applicable()
    {
        var settings = new HttpCsmsSettings { DefaultAction = new() { Url = "/start/{idTag}" } };
        using var driver = new HttpCsmsDriver(settings, "http://127.0.0.1:1", new(), TimeSpan.FromSeconds(1));
        var reset = new ResetCommand("CS-DEFAULT-PH", OcppVersion.V16, "Hard");

        var error = Should.Throw<CsmsActionNotApplicableException>(() => driver.Build(settings.Template("Reset", OcppVersion.V16)!, HttpPlaceholders.For(reset), settings.Source("Reset")));

        error.Message.ShouldContain("dersim.http.defaultAction.url uses {idTag}");
    }
}
