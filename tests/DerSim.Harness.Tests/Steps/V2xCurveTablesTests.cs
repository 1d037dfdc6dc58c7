using DerSim.Harness.Drivers.Csms;
using Reqnroll;
using DerSim.Harness.Steps;
using V2XFreqWattPointType = DerSim.Ocpp.V21.V2XFreqWattPointType;
using V2XSignalWattPointType = DerSim.Ocpp.V21.V2XSignalWattPointType;

namespace DerSim.Harness.Tests.Steps;

/// <summary>The frequency-watt and signal-watt tables of the 2.1 frequency steps become points in W, in the order written.</summary>
public sealed class V2xCurveTablesTests
{
    [Test]
    public void A_frequency_watt_table_becomes_points_in_W_signed_and_in_order()
    {
        var table = new Table("frequency Hz", "power kW");
        table.AddRow("50.2", "20");
        table.AddRow("49.8", "-20");
        table.AddRow("50.0", "0.0005");

        V2xCurveTables.FreqWatt(table).ShouldBe([new V2XFreqWattPointType(50.2m, 20000m), new V2XFreqWattPointType(49.8m, -20000m), new V2XFreqWattPointType(50.0m, 0.5m)]);
    }

    [Test]
    public void A_signal_watt_table_becomes_integer_signals_and_W()
    {
        var table = new Table("signal", "power kW");
        table.AddRow("-100", "-30");
        table.AddRow(" 0 ", "0");
        table.AddRow("100", "12.5");

        V2xCurveTables.SignalWatt(table).ShouldBe([new V2XSignalWattPointType(-100, -30000m), new V2XSignalWattPointType(0, 0m), new V2XSignalWattPointType(100, 12500m)]);
    }

    [Test]
    public void A_table_without_the_expected_columns_says_which_it_needs()
    {
        var table = new Table("x", "y");
        table.AddRow("50", "0");

        Should.Throw<ArgumentException>(() => V2xCurveTables.FreqWatt(table)).Message.ShouldContain("\"frequency Hz\" and \"power kW\"");
        Should.Throw<ArgumentException>(() => V2xCurveTables.SignalWatt(table)).Message.ShouldContain("\"signal\" and \"power kW\"");
    }

    [Test]
    public void A_fractional_signal_or_an_empty_curve_is_refused_before_anything_is_sent()
    {
        var fractional = new Table("signal", "power kW");
        fractional.AddRow("-50.5", "-15");
        Should.Throw<ArgumentException>(() => V2xCurveTables.SignalWatt(fractional)).Message.ShouldContain("not an integer");

        Should.Throw<ArgumentException>(() => V2xCurveTables.FreqWatt(new Table("frequency Hz", "power kW"))).Message.ShouldContain("no points");
    }
}
