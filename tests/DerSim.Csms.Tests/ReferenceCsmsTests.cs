using System.Globalization;
using DerSim.Csms;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Transport;
using DerSim.Ocpp.Validation;
using DerSim.Ocpp.Tests.Validation;

namespace DerSim.Csms.Tests;

/// <summary>
/// The reference CSMS's answers: every action a station may send, in every version, gets a CALLRESULT valid against
/// the official schema; tokens, transaction ids and transaction state; Basic auth.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ReferenceCsmsTests : IAsyncDisposable
{
    private const string Good = "GOOD-TOKEN";
    private const string Bad = "BAD-TOKEN";

    private ReferenceCsms? _csms;

    private ReferenceCsms Csms => _csms ?? throw new InvalidOperationException("the CSMS did not start");

    public static IEnumerable<TestCaseData> StationActions() =>
        from version in OcppVersions.All
        let table = OcppActionTables.For(version)
        from action in table.Actions.Values.OrderBy(a => a.Name, StringComparer.Ordinal)
        where action.CanBeSentBy(OcppRole.ChargingStation) && action.ResponseType != typeof(Ocpp.V21.NoResponse)
        from full in new[] { false, true }
        select new TestCaseData(version, action.Name, full)
            .SetName($"{version.DisplayName()} {action.Name} ({(full ? "all fields" : "required fields")}) is answered with an officially valid CALLRESULT");

    [OneTimeSetUp]
    public async Task Start()
    {
        _csms = new ReferenceCsms(new ReferenceCsmsOptions { AcceptedTokens = new HashSet<string>(StringComparer.Ordinal) { Good } });
        await _csms.StartAsync();
    }

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_csms is not null)
        {
            await _csms.DisposeAsync();
            _csms = null;
        }
    }

    [TestCaseSource(nameof(StationActions))]
    public async Task Every_station_action_gets_an_answer_valid_against_the_official_schema(OcppVersion version, string action, bool full)
    {
        var official = OfficialSchemas.Require();
        var table = OcppActionTables.For(version);
        var request = ExampleBuilder.Json(table, table.Actions[action].RequestType, table.Actions[action].RequestSchemaType, full);
        official.Validate(version, action, PayloadKind.Request, request).ShouldBeEmpty($"the example request itself is invalid: {request}");
        await using var station = await ProbeStation.ConnectAsync(Csms.Url, version, $"ANS-{version}-{action}-{(full ? "F" : "M")}");

        var answer = await station.CallAsync(action, request);

        var violations = official.Validate(version, action, PayloadKind.Response, answer.GetRawText());
        violations.ShouldBeEmpty($"request {request}\nanswer {answer.GetRawText()}\n{string.Join("\n", violations)}");
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Authorize_accepts_a_listed_token_and_refuses_another(OcppVersion version)
    {
        await using var station = await ProbeStation.ConnectAsync(Csms.Url, version, $"AUTH-{version}");

        (await AuthorizeAsync(station, version, Good)).ShouldBe("Accepted");
        (await AuthorizeAsync(station, version, Bad)).ShouldBe("Invalid");
    }

    [Test]
    public async Task StartTransaction_ids_increase_and_StopTransaction_ends_the_transaction_in_1_6()
    {
        const string Id = "TX-16";
        await using var station = await ProbeStation.ConnectAsync(Csms.Url, OcppVersion.V16, Id);

        var first = await station.CallAsync("StartTransaction", $$"""{"connectorId":1,"idTag":"{{Good}}","meterStart":100,"timestamp":"2026-01-01T10:00:00Z"}""");
        var second = await station.CallAsync("StartTransaction", $$"""{"connectorId":2,"idTag":"{{Bad}}","meterStart":200,"timestamp":"2026-01-01T10:01:00Z"}""");

        var firstId = first.GetProperty("transactionId").GetInt32();
        var secondId = second.GetProperty("transactionId").GetInt32();
        secondId.ShouldBeGreaterThan(firstId);
        first.GetProperty("idTagInfo").GetProperty("status").GetString().ShouldBe("Accepted");
        second.GetProperty("idTagInfo").GetProperty("status").GetString().ShouldBe("Invalid");

        var stop = await station.CallAsync("StopTransaction", $$"""{"transactionId":{{firstId}},"meterStop":1500,"timestamp":"2026-01-01T11:00:00Z","idTag":"{{Good}}"}""");

        stop.GetProperty("idTagInfo").GetProperty("status").GetString().ShouldBe("Accepted");
        var transactions = Csms.Stations[Id].Transactions;
        var ended = transactions[firstId.ToString(CultureInfo.InvariantCulture)];
        ended.EvseId.ShouldBe(1);
        ended.IdToken.ShouldBe(Good);
        ended.MeterStartWh.ShouldBe(100m);
        ended.MeterStopWh.ShouldBe(1500m);
        ended.EndedAt.ShouldBe(new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.Zero));
        transactions[secondId.ToString(CultureInfo.InvariantCulture)].EndedAt.ShouldBeNull();
    }

    [Test]
    public async Task Firmware_and_diagnostics_notifications_are_acknowledged_and_their_last_state_kept_in_1_6()
    {
        const string Id = "FW-16";
        await using var station = await ProbeStation.ConnectAsync(Csms.Url, OcppVersion.V16, Id);

        (await station.CallAsync("FirmwareStatusNotification", """{"status":"Downloading"}""")).GetRawText().ShouldBe("{}");
        (await station.CallAsync("FirmwareStatusNotification", """{"status":"Installed"}""")).GetRawText().ShouldBe("{}");
        (await station.CallAsync("DiagnosticsStatusNotification", """{"status":"UploadFailed"}""")).GetRawText().ShouldBe("{}");

        Csms.Stations[Id].FirmwareStatus.ShouldBe("Installed");
        Csms.Stations[Id].DiagnosticsStatus.ShouldBe("UploadFailed");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task TransactionEvent_state_is_kept_from_Started_to_Ended(OcppVersion version)
    {
        var id = $"TE-{version}";
        await using var station = await ProbeStation.ConnectAsync(Csms.Url, version, id);

        var started = await station.CallAsync("TransactionEvent", TransactionEvent("Started", 0, "2026-01-01T10:00:00Z", withToken: true));
        await station.CallAsync("TransactionEvent", TransactionEvent("Updated", 1, "2026-01-01T10:15:00Z", withToken: false));

        started.GetProperty("idTokenInfo").GetProperty("status").GetString().ShouldBe("Accepted");
        var running = Csms.Stations[id].Transactions["TX-1"];
        running.EvseId.ShouldBe(1);
        running.IdToken.ShouldBe(Good);
        running.LastSeqNo.ShouldBe(1);
        running.EndedAt.ShouldBeNull();
        Csms.Stations[id].LastMeterValues.ShouldNotBeNull();
        Csms.Stations[id].LastMeterValues!.Value.GetRawText().ShouldContain("4242");

        var ended = await station.CallAsync("TransactionEvent", TransactionEvent("Ended", 2, "2026-01-01T11:00:00Z", withToken: false));

        ended.TryGetProperty("idTokenInfo", out _).ShouldBeFalse("no token in the event, so no idTokenInfo in the answer");
        running.LastSeqNo.ShouldBe(2);
        running.EndedAt.ShouldBe(new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.Zero));
        Csms.Stations[id].Transactions.Count.ShouldBe(1);
    }

    [Test]
    public async Task The_cost_a_2_1_station_calculated_is_kept_and_no_total_cost_is_answered()
    {
        const string Id = "COST-21";
        await using var station = await ProbeStation.ConnectAsync(Csms.Url, OcppVersion.V21, Id);
        await station.CallAsync("TransactionEvent", TransactionEvent("Started", 0, "2026-01-01T10:00:00Z", withToken: true));

        var answer = await station.CallAsync("TransactionEvent", """
            {"eventType":"Updated","timestamp":"2026-01-01T10:01:00Z","triggerReason":"RunningCost","seqNo":1,"transactionInfo":{"transactionId":"TX-1","tariffId":"T-1"},
             "costDetails":{"totalCost":{"currency":"EUR","typeOfCost":"NormalCost","chargingTime":{"exclTax":1.0,"inclTax":1.21},"total":{"exclTax":1.0,"inclTax":1.21}},"totalUsage":{"energy":183,"chargingTime":60,"idleTime":0}}}
            """);

        answer.TryGetProperty("totalCost", out _).ShouldBeFalse("the station calculates the cost, the CSMS none of its own");
        var transaction = Csms.Stations[Id].Transactions["TX-1"];
        transaction.StationCost.ShouldBe(1.21m);
        transaction.Currency.ShouldBe("EUR");
    }

    [Test]
    public async Task BootStatus_set_at_run_time_decides_the_next_boot()
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { BootStatus = CsmsBootStatus.Pending, HeartbeatIntervalSeconds = 7 });
        await csms.StartAsync();
        await using var station = await ProbeStation.ConnectAsync(csms.Url, OcppVersion.V201, "VERDICT-1");
        const string Boot = """{"chargingStation":{"model":"Probe","vendorName":"DerSim"},"reason":"PowerUp"}""";

        csms.BootStatus.ShouldBe(CsmsBootStatus.Pending);
        (await station.CallAsync("BootNotification", Boot)).GetProperty("status").GetString().ShouldBe("Pending");
        csms.BootStatus = CsmsBootStatus.Rejected;
        (await station.CallAsync("BootNotification", Boot)).GetProperty("status").GetString().ShouldBe("Rejected");
        csms.BootStatus = CsmsBootStatus.Accepted;
        var accepted = await station.CallAsync("BootNotification", Boot);

        accepted.GetProperty("status").GetString().ShouldBe("Accepted");
        accepted.GetProperty("interval").GetInt32().ShouldBe(7);
        csms.Stations["VERDICT-1"].Registration.ShouldBe(CsmsBootStatus.Accepted);
        csms.Stations["VERDICT-1"].BootCount.ShouldBe(3);
        csms.Options.BootStatus.ShouldBe(CsmsBootStatus.Pending, "the options keep the starting verdict");
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Basic_auth_refuses_a_wrong_password_with_401_and_boots_the_right_one(OcppVersion version)
    {
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { Password = "right-password-1", HeartbeatIntervalSeconds = 1 });
        var rejections = new List<OcppServerRejection>();
        csms.Rejected += r => { lock (rejections) { rejections.Add(r); } };
        await csms.StartAsync();
        var id = $"BASIC-{version}";

        var refused = await Should.ThrowAsync<OcppConnectException>(() => ProbeStation.Client(csms.Url, version, id, "wrong-password-1").ConnectAsync());
        var missing = await Should.ThrowAsync<OcppConnectException>(() => ProbeStation.Client(csms.Url, version, id).ConnectAsync());

        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized, refused.Message);
        missing.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized, missing.Message);
        lock (rejections)
        {
            rejections.Count.ShouldBe(2);
            rejections.ShouldAllBe(r => r.StatusCode == 401 && r.StationId == id);
        }

        csms.Stations.ShouldNotContainKey(id);
        await using var station = await ProbeStation.ConnectAsync(csms.Url, version, id, "right-password-1");
        await station.CallAsync("BootNotification", version == OcppVersion.V16
            ? """{"chargePointVendor":"DerSim","chargePointModel":"Probe"}"""
            : """{"chargingStation":{"vendorName":"DerSim","model":"Probe"},"reason":"PowerUp"}""");
        var state = await csms.WaitForAsync(id, s => s.Registration == CsmsBootStatus.Accepted, TimeSpan.FromSeconds(10));
        state.Version.ShouldBe(version);
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_station_that_connected_over_the_upgrade_listener_is_refused_on_the_plain_one_from_then_on(OcppVersion version)
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        using var server = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(made.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12), null);
        await using var csms = new ReferenceCsms(new ReferenceCsmsOptions { Password = "right-password-1", UpgradeServerCertificate = server });
        await csms.StartAsync();
        var id = $"UPGRADE-{version}";
        var upgradeUrl = csms.UpgradeUrl.ShouldNotBeNull();
        upgradeUrl.Scheme.ShouldBe("wss");

        await using (var before = await ProbeStation.ConnectAsync(csms.Url, version, id, "right-password-1"))
        {
            // Security profile 1 is admitted until the station used the upgraded one.
        }

        var tls = ProbeStation.Client(upgradeUrl, version, id, "right-password-1");
        tls.Options = tls.Options with { ServerCertificateValidation = (_, _, _) => true };
        var upgraded = await tls.ConnectAsync();
        await upgraded.DisposeAsync();

        var refused = await Should.ThrowAsync<OcppConnectException>(() => ProbeStation.Client(csms.Url, version, id, "right-password-1").ConnectAsync());
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized, refused.Message);
        await using var other = await ProbeStation.ConnectAsync(csms.Url, version, id + "-OTHER", "right-password-1");
    }

    private static string TransactionEvent(string eventType, int seqNo, string timestamp, bool withToken)
    {
        var token = withToken ? $$""","idToken":{"idToken":"{{Good}}","type":"ISO14443"}""" : "";
        var trigger = eventType switch { "Started" => "Authorized", "Ended" => "EVCommunicationLost", _ => "MeterValuePeriodic" };
        var meter = eventType == "Updated"
            ? $$""","meterValue":[{"timestamp":"{{timestamp}}","sampledValue":[{"value":4242}]}]"""
            : "";
        return $$"""{"eventType":"{{eventType}}","timestamp":"{{timestamp}}","triggerReason":"{{trigger}}","seqNo":{{seqNo}},"transactionInfo":{"transactionId":"TX-1"},"evse":{"id":1,"connectorId":1}{{token}}{{meter}}""" + "}";
    }

    private static async Task<string?> AuthorizeAsync(ProbeStation station, OcppVersion version, string token)
    {
        if (version == OcppVersion.V16)
        {
            return (await station.CallAsync("Authorize", $$"""{"idTag":"{{token}}"}""")).GetProperty("idTagInfo").GetProperty("status").GetString();
        }

        return (await station.CallAsync("Authorize", $$"""{"idToken":{"idToken":"{{token}}","type":"ISO14443"}""" + "}")).GetProperty("idTokenInfo").GetProperty("status").GetString();
    }
}
