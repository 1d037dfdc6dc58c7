using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>SetVariables (2.x only) of one device-model variable.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="ComponentVariable">The variable as "Component.Variable".</param>
/// <param name="Value">The value to set (a suggestion when <paramref name="ValueChosenByCsms"/>).</param>
/// <param name="ValueChosenByCsms">Whether the CSMS picks the value itself (a new password), so it is not compared.</param>
public sealed record SetVariablesCommand(string StationId, OcppVersion Version, string ComponentVariable, string Value, bool ValueChosenByCsms = false) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<string> ChosenByCsms => ValueChosenByCsms ? ["setVariableData[0].attributeValue"] : [];

    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SetVariables;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? null : "SetVariables";

    /// <inheritdoc />
    protected override object Request()
    {
        var (component, variable) = DeviceModelKey.Both(ComponentVariable);
        return new Ocpp2.SetVariablesRequest([new Ocpp2.SetVariableDataType(Value, new Ocpp2.ComponentType(component), new Ocpp2.VariableType(variable))]);
    }
}
