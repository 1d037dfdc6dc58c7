using DerSim.Ocpp;
using V2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>SetVariables (2.x only) of one device-model variable.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="ComponentVariable">The variable as "Component.Variable".</param>
/// <param name="Value">The value to set.</param>
public sealed record SetVariablesCommand(string StationId, OcppVersion Version, string ComponentVariable, string Value) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.SetVariables;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? null : "SetVariables";

    /// <inheritdoc />
    protected override object Request()
    {
        var (component, variable) = DeviceModelKey.Both(ComponentVariable);
        return new V2.SetVariablesRequest([new V2.SetVariableDataType(Value, new V2.ComponentType(component), new V2.VariableType(variable))]);
    }
}
