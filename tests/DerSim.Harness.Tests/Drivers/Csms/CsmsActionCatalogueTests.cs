using DerSim.Harness.Cli;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Tests.StrictCsms;
using DerSim.Ocpp;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary><c>./dersim drivers --actions</c>: every action, read from the code, and docs/http-driver.md kept in step with it.</summary>
public sealed class CsmsActionCatalogueTests
{
    [Test]
    public void Every_action_kind_is_listed_with_its_ocpp_action_per_version()
    {
        CsmsActionCatalogue.Entries.Select(e => e.Kind).Distinct().ShouldBe(Enum.GetValues<CsmsActionKind>(), ignoreOrder: true);
        var remoteStart = CsmsActionCatalogue.Find("RemoteStart").ShouldNotBeNull();
        remoteStart.OcppActions[OcppVersion.V16].ShouldBe("RemoteStartTransaction");
        remoteStart.OcppActions[OcppVersion.V201].ShouldBe("RequestStartTransaction");
        CsmsActionCatalogue.Find("GetConfiguration").ShouldNotBeNull().OcppActions[OcppVersion.V201].ShouldBeNull();
        CsmsActionCatalogue.Find("SetChargingProfileV2xCurve").ShouldNotBeNull().OcppActions[OcppVersion.V16].ShouldBeNull();
    }

    [Test]
    public void Placeholders_come_from_the_commands_themselves()
    {
        var remoteStart = CsmsActionCatalogue.Find("RemoteStart").ShouldNotBeNull();
        remoteStart.Placeholders.ShouldBe(["evseId", "idTag", "idTagType", "ocppAction", "ocppVersion", "payload", "profileId", "stationId", "transactionId", "txProfileLimitW"], ignoreOrder: true);
        var profile = CsmsActionCatalogue.Find("SetChargingProfile").ShouldNotBeNull();
        profile.Placeholders.ShouldContain("purpose");
        profile.OptionalPlaceholders.ShouldContain("limitA");
        profile.Provides("baseUrl").ShouldBeTrue();
        profile.Provides("idTag").ShouldBeFalse();
        CsmsActionCatalogue.Find("AFRRSignal").ShouldNotBeNull().Placeholders.ShouldContain("signal");
    }

    [Test]
    public void The_http_driver_page_holds_the_current_action_table()
    {
        var page = File.ReadAllText(Path.Combine(StrictCsmsProcess.RepoRoot(), "docs", "http-driver.md")).ReplaceLineEndings("\n");

        page.ShouldContain(DriversCommand.Markdown().ReplaceLineEndings("\n"), customMessage: "docs/http-driver.md is out of date: paste ./dersim drivers --actions --markdown into it");
    }
}
