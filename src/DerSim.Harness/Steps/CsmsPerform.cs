using System.Globalization;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Gherkin.Glue;
using Reqnroll;
using DerSim.Harness.Traffic;
using DerSim.Ocpp;

namespace DerSim.Harness.Steps;

/// <summary>What every CSMS-action step does: make the driver perform a command, or make the scenario not applicable.</summary>
internal static class CsmsPerform
{
    /// <summary>Performs <paramref name="command"/> through the scenario's CSMS driver and keeps the exchange.</summary>
    public static async Task<CsmsExchange> RunAsync(ScenarioWorld world, ScenarioContext scenario, CsmsCommand command)
    {
        if (command.OcppAction is null)
        {
            scenario.NotApplicable($"OCPP {command.Version.DisplayName()} has no {command.Kind}{(command.NeedsV21 ? " of this shape (OCPP 2.1 only)" : "")}");
        }

        var driver = world.CsmsDriver;
        if (!driver.CanPerform(command))
        {
            scenario.NotApplicable($"the {driver.Name} CSMS driver cannot {OperatorInstructions.For(command)}");
        }

        CsmsExchange exchange;
        try
        {
            exchange = await driver.PerformAsync(command).ConfigureAwait(false);
        }
        catch (CsmsActionNotApplicableException ex)
        {
            throw new NotApplicableException(ex.Message, ex);
        }

        exchange = exchange with { Kind = command.Kind, Command = command };
        world.CsmsExchanges.Add(exchange);
        return exchange;
    }

    /// <summary>Waits for a transaction on <paramref name="evseId"/> of the scenario's station; its id as the station reported it.</summary>
    public static async Task<(StationUnderTest Station, string TransactionId)> TransactionOnAsync(ScenarioWorld world, int evseId)
    {
        var station = world.Simulator.Station();
        string? id = null;
        await world.Simulator.WaitForAsync(
            q => (id = CsmsTraffic.TransactionIdOn(q, station.Id, station.Version, evseId)) is not null,
            string.Create(CultureInfo.InvariantCulture, $"a transaction on EVSE {evseId} of {station.Id}")).ConfigureAwait(false);
        return (station, id!);
    }

    /// <summary>The latest exchange of <paramref name="action"/> (OCPP or version-neutral name) in the scenario.</summary>
    public static CsmsExchange Latest(ScenarioWorld world, string action) =>
        world.CsmsExchanges.LastOrDefault(e => e.Call.Action == action || e.Kind?.ToString() == action)
        ?? throw new TrafficAssertionException($"the CSMS sent no {action} in this scenario (it sent: {string.Join(", ", world.CsmsExchanges.Select(e => e.Call.Action).DefaultIfEmpty("nothing"))})", []);
}
