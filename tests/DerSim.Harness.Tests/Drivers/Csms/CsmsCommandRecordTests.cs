using DerSim.Harness.Drivers.Csms;
using DerSim.Ocpp;
using V21 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// Every command record is one the Manual driver can put in words (<see cref="OperatorInstructions"/>) and the Http
/// driver can fill a template for (<see cref="HttpPlaceholders"/>): both switch over the records, so a new record
/// without its case fails here rather than in a scenario.
/// </summary>
public sealed class CsmsCommandRecordTests
{
    private const string Station = "CS-1";

    [Test]
    public void The_samples_have_one_command_of_every_record()
    {
        var records = typeof(CsmsCommand).Assembly.GetTypes().Where(t => t.IsSealed && t.IsSubclassOf(typeof(CsmsCommand)));

        OneOfEach(OcppVersion.V21).Select(c => c.GetType()).ShouldBe(records, ignoreOrder: true);
    }

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public void Every_command_has_operator_text_and_http_placeholders(OcppVersion version)
    {
        foreach (var command in OneOfEach(version))
        {
            OperatorInstructions.For(command).ShouldStartWith($"make the CSMS send {command.OcppAction ?? command.Kind.ToString()} to {Station} ", customMessage: command.GetType().Name);
            var names = HttpPlaceholders.Names(command);
            names.ShouldContain("stationId", customMessage: command.GetType().Name);
            if (command.OcppAction is null)
            {
                names.ShouldNotContain("payload", customMessage: command.GetType().Name);
                continue;
            }

            var values = HttpPlaceholders.For(command);
            values.Keys.ShouldBe(names, ignoreOrder: true, customMessage: command.GetType().Name);
            values["payload"].ShouldBe(command.Payload().GetRawText(), customMessage: command.GetType().Name);
        }
    }

    private static IEnumerable<CsmsCommand> OneOfEach(OcppVersion v)
    {
        var tx = v == OcppVersion.V16 ? "42" : "TX-1";
        var at = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        return
        [
            new SetChargingProfileCommand(Station, v, "TxProfile", 1, 11000, TransactionId: tx),
            new SetV2xProfileCommand(Station, v, 1, tx, "CentralSetpoint", SetpointW: -20000),
            new SetV2xCurveProfileCommand(Station, v, 1, tx, "LocalFrequency", FreqWattCurve: [new V21.V2XFreqWattPointType(50.2m, 20000m)]),
            new ClearChargingProfileCommand(Station, v, 1),
            new GetCompositeScheduleCommand(Station, v, 1, 3600),
            new RemoteStartCommand(Station, v, 1, "TAG-1"),
            new RemoteStopCommand(Station, v, tx),
            new ResetCommand(Station, v, "Hard"),
            new ChangeAvailabilityCommand(Station, v, 1, "Inoperative"),
            new ClearCacheCommand(Station, v),
            new UnlockConnectorCommand(Station, v, 1, 1),
            new TriggerMessageCommand(Station, v, "Heartbeat"),
            new GetConfigurationCommand(Station, v, "HeartbeatInterval"),
            new ChangeConfigurationCommand(Station, v, "HeartbeatInterval", "60"),
            new GetVariablesCommand(Station, v, "OCPPCommCtrlr.HeartbeatInterval"),
            new SetVariablesCommand(Station, v, "OCPPCommCtrlr.HeartbeatInterval", "60"),
            new GetBaseReportCommand(Station, v, "FullInventory"),
            new NotifyAllowedEnergyTransferCommand(Station, v, tx, ["DC_BPT"]),
            new SetDerControlCommand(Station, v, DerControlSpec.LimitMaxDischarge("lmd-1", 50)),
            new GetDerControlCommand(Station, v),
            new ClearDerControlCommand(Station, v, IsDefault: true),
            new AfrrSignalCommand(Station, v, at, -50),
            new SetDefaultTariffCommand(Station, v, 1, "T-1", "EUR", PricePerMinute: 1m, PricePerKwh: 0.3m),
            new SetV2xDynamicProfileCommand(Station, v, 1, tx, "CentralSetpoint", SetpointW: -10000, DynUpdateIntervalS: 60),
            new UpdateDynamicScheduleCommand(Station, v, 1, SetpointW: -20000),
            new GetChargingProfilesCommand(Station, v, 1) { Purpose = "TxDefaultProfile" },
            new InstallCertificateCommand(Station, v, "CSMSRootCertificate", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"),
            new GetInstalledCertificateIdsCommand(Station, v, ["ManufacturerRootCertificate"]),
            new DeleteCertificateCommand(Station, v, "SHA256", "aa", "bb", "1f"),
            new GetLogCommand(Station, v, "DiagnosticsLog", "http://127.0.0.1:8080/uploads/", 1, LatestTimestamp: at),
            new CustomerInformationCommand(Station, v, 1, Report: true, Clear: false, IdToken: "TAG-1"),
            new SetNetworkProfileCommand(Station, v, 2, "ws://csms.example/ocpp", 1),
            new SetNetworkConfigurationCommand(Station, v, 2, "ws://csms.example/ocpp", 1),
            new UpdateFirmwareCommand(Station, v, 1, "http://127.0.0.1/fw.bin", at, "-----BEGIN CERTIFICATE-----", "c2lnbmF0dXJl", Retries: 1, RetryInterval: 10),
            new SendLocalListCommand(Station, v, 1, "Full", [new LocalListItem("TAG-1", "Accepted", "GROUP-1")]),
            new GetLocalListVersionCommand(Station, v),
            new ReserveNowCommand(Station, v, 1, at, "TAG-1", 7, ParentIdTag: "GROUP-1"),
            new CancelReservationCommand(Station, v, 7),
            new GetDiagnosticsCommand(Station, v, "http://127.0.0.1:8080/uploads/", Retries: 1, RetryInterval: 10, StopTime: at),
        ];
    }
}
